package dev.wxwork.api.identity;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Who is visiting: the identity behind an OAuth2 or web-login {@code code} (身份验证). */
@HttpExchange("/cgi-bin/auth")
public interface AuthApi {

	/** The member (userid, user_ticket) or non-member (openid) behind a login code (doc 91023). */
	@WeComDoc("91023")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/getuserinfo")
	VisitorIdentity getUserInfo(@RequestParam("code") String code);

	/** The member's sensitive details, for a {@code user_ticket} from an {@code snsapi_privateinfo} login (doc 95833). */
	@WeComDoc("95833")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getuserdetail")
	UserDetail getUserDetail(@RequestBody UserTicket userTicket);

	/** The member's sensitive details for a {@code user_ticket} (doc 95833). */
	@WeComDoc("95833")
	default UserDetail getUserDetail(String userTicket) {
		return getUserDetail(new UserTicket(userTicket));
	}

	/** The body of getuserdetail; {@link #toString()} hides the ticket. */
	record UserTicket(String userTicket) {

		@Override
		public String toString() {
			return "UserTicket[******]";
		}

	}

}

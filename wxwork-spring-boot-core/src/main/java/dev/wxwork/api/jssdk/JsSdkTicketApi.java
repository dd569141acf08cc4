package dev.wxwork.api.jssdk;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** The JS-SDK tickets (doc 90506); cached like access tokens by {@code WxWorkAgent}. */
@HttpExchange("/cgi-bin")
public interface JsSdkTicketApi {

	/** The corp's jsapi_ticket, for {@code wx.config}. */
	@WeComDoc("90506")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get_jsapi_ticket")
	JsSdkTicket corpTicket();

	/** The app's ticket, for {@code wx.agentConfig}. */
	@WeComDoc("90506")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/ticket/get?type=agent_config")
	JsSdkTicket agentConfigTicket();

	/** A ticket and its lifetime in seconds; {@link #toString()} hides the ticket. */
	record JsSdkTicket(String ticket, long expiresIn) {

		@Override
		public String toString() {
			return "JsSdkTicket[ticket=******, expiresIn=" + this.expiresIn + "]";
		}

	}

}

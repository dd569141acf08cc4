package dev.wxwork.api.contact;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.CursorPage;
import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Members (成员管理, doc 90194): {@code agent.users()}. */
@HttpExchange("/cgi-bin")
public interface UserApi {

	/** Reads a member (doc 90196). */
	@WeComDoc("90196")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/user/get")
	User get(@RequestParam("userid") String userid);

	/** Creates a member (doc 90195). */
	@WeComDoc("90195")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/user/create")
	void create(@RequestBody User user);

	/** Updates the fields of a member that are set (doc 90197). */
	@WeComDoc("90197")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/update")
	void update(@RequestBody User user);

	/** Deletes a member (doc 90198). */
	@WeComDoc("90198")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@GetExchange("/user/delete")
	void delete(@RequestParam("userid") String userid);

	/** Deletes up to 200 members at once (doc 90199). */
	@WeComDoc("90199")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/user/batchdelete")
	void batchDelete(@RequestBody Userids userids);

	/** The members of a department, ids and names only (doc 90200). */
	@WeComDoc("90200")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/user/simplelist")
	SimpleUserList simpleList(@RequestParam("department_id") long departmentId);

	/** The members of a department in full (doc 90201). */
	@WeComDoc("90201")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/user/list")
	UserList list(@RequestParam("department_id") long departmentId);

	/** One page of every member's userid and department, for the cursor of the previous page (doc 96067). */
	@WeComDoc("96067")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/list_id")
	UseridPage listIds(@RequestBody UseridPageRequest request);

	/** Every member's userid and departments, fetching pages of 10000 only as the stream is consumed (doc 96067). */
	@WeComDoc(value = "96067", path = "/cgi-bin/user/list_id")
	default Stream<UseridPage.Entry> listAllIds() {
		return Pages.byCursor((cursor) -> listIds((cursor != null) ? UseridPageRequest.after(cursor) : UseridPageRequest.first()));
	}

	/** The openid of a member, for WeChat Pay and similar (doc 90202). */
	@WeComDoc("90202")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/convert_to_openid")
	Openid convertToOpenid(@RequestBody Userid userid);

	/** The userid of a member by openid (doc 90202). */
	@WeComDoc("90202")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/convert_to_userid")
	Userid convertToUserid(@RequestBody Openid openid);

	/** Lets a member in after the corp's own two-factor authentication succeeded (doc 90203). */
	@WeComDoc("90203")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/user/authsucc")
	void authSucceeded(@RequestParam("userid") String userid);

	/** Invites members, departments and tags to use WeCom (doc 90975). */
	@WeComDoc("90975")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/batch/invite")
	InvitationResult invite(@RequestBody Invitation invitation);

	/** The QR code to join the corp; {@code sizeType} 1 to 4 is 171, 399, 741 or 2052 pixels (doc 91714). */
	@WeComDoc("91714")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/corp/get_join_qrcode")
	JoinQrCode joinQrCode(@RequestParam("size_type") int sizeType);

	/** How many members were active on a day within the last 30 days (doc 92714). */
	@WeComDoc("92714")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/get_active_stat")
	ActiveStat activeStat(@RequestBody ActiveStatRequest request);

	/** The userid of the member with this mobile number (doc 95402). */
	@WeComDoc("95402")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/getuserid")
	Userid useridByMobile(@RequestBody MobileNumber mobile);

	/** The userid of the member with this email address (doc 95895). */
	@WeComDoc("95895")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/user/get_userid_by_email")
	Userid useridByEmail(@RequestBody EmailAddress email);

	/** Userids to delete at once. */
	record Userids(List<String> useridlist) {

		/** These userids. */
		public static Userids of(String... userids) {
			return new Userids(List.of(userids));
		}

	}

	/** A userid, in a request or an answer. */
	record Userid(String userid) {
	}

	/** An openid, in a request or an answer. */
	record Openid(String openid) {
	}

	/** A mobile number to look up. */
	record MobileNumber(String mobile) {
	}

	/** An email address to look up; {@code emailType} 1 is the corp mailbox (default), 2 the personal one. */
	record EmailAddress(String email, Integer emailType) {

		/** A corp mailbox address. */
		public static EmailAddress corp(String email) {
			return new EmailAddress(email, 1);
		}

		/** A personal email address. */
		public static EmailAddress personal(String email) {
			return new EmailAddress(email, 2);
		}

	}

	/** The members of a department, ids and names. */
	record SimpleUserList(@JsonProperty("userlist") List<SimpleUser> users) {

		public SimpleUserList {
			users = (users != null) ? users : List.of();
		}

	}

	/** A member's userid, name, departments and open userid. */
	record SimpleUser(String userid, String name, List<Long> department, String openUserid) {
	}

	/** The members of a department in full. */
	record UserList(@JsonProperty("userlist") List<User> users) {

		public UserList {
			users = (users != null) ? users : List.of();
		}

	}

	/** The cursor and page size of a {@code user/list_id} call; {@code limit} 1 to 10000. */
	record UseridPageRequest(String cursor, Integer limit) {

		/** The first page, as large as WeCom allows. */
		public static UseridPageRequest first() {
			return new UseridPageRequest(null, 10000);
		}

		/** The page after the one that answered this cursor. */
		public static UseridPageRequest after(String nextCursor) {
			return new UseridPageRequest(nextCursor, 10000);
		}

	}

	/** A page of userids with their departments; {@code nextCursor} is empty on the last page. */
	record UseridPage(String nextCursor, @JsonProperty("dept_user") List<Entry> entries) implements CursorPage<UseridPage.Entry> {

		public UseridPage {
			entries = (entries != null) ? entries : List.of();
		}

		@Override
		public List<Entry> items() {
			return this.entries;
		}

		/** Whether another page follows. */
		public boolean hasMore() {
			return this.nextCursor != null && !this.nextCursor.isEmpty();
		}

		/** A member in one department: a member in several departments has one entry per department. */
		public record Entry(String userid, Long department) {
		}

	}

	/** Whom to invite; at most 1000 members, 100 departments and 100 tags. */
	record Invitation(List<String> user, List<Long> party, List<Long> tag) {

		/** Invites these members. */
		public static Invitation users(String... userids) {
			return new Invitation(Arrays.asList(userids), null, null);
		}

	}

	/** Who could not be invited; lists are empty, never null, when everyone was. */
	record InvitationResult(@JsonProperty("invaliduser") List<String> invalidUsers,
			@JsonProperty("invalidparty") List<Long> invalidParties, @JsonProperty("invalidtag") List<Long> invalidTags) {

		public InvitationResult {
			invalidUsers = (invalidUsers != null) ? invalidUsers : List.of();
			invalidParties = (invalidParties != null) ? invalidParties : List.of();
			invalidTags = (invalidTags != null) ? invalidTags : List.of();
		}

	}

	/** The URL of the QR code image to join the corp. */
	record JoinQrCode(@JsonProperty("join_qrcode") String url) {
	}

	/** The day to count active members of, as {@code yyyy-MM-dd}. */
	record ActiveStatRequest(String date) {

		/** That day. */
		public static ActiveStatRequest of(LocalDate date) {
			return new ActiveStatRequest(date.toString());
		}

	}

	/** The number of active members on the day asked for. */
	record ActiveStat(@JsonProperty("active_cnt") long activeCount) {
	}

}

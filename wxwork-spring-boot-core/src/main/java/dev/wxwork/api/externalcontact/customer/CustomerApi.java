package dev.wxwork.api.externalcontact.customer;

import java.util.ArrayList;
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

/** Customers and the members who serve them (客户管理, doc 92109). */
@HttpExchange("/cgi-bin/externalcontact")
public interface CustomerApi {

	/** The members who may use customer contact (doc 92571). */
	@WeComDoc("92571")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get_follow_user_list")
	FollowUserIds followUsers();

	/** The ids of a member's customers (doc 92113). */
	@WeComDoc("92113")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/list")
	CustomerIds list(@RequestParam("userid") String userid);

	/**
	 * A customer and one page of the members who added them (doc 92114); more than 500 such members
	 * come in further pages: pass the {@code next_cursor}, or use {@link #getWithAllFollowUsers}.
	 */
	@WeComDoc("92114")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	CustomerDetails get(@RequestParam("external_userid") String externalUserid,
			@RequestParam(name = "cursor", required = false) String cursor);

	/** A customer and the first page of the members who added them (doc 92114). */
	@WeComDoc(value = "92114", path = "/cgi-bin/externalcontact/get")
	default CustomerDetails get(String externalUserid) {
		return get(externalUserid, null);
	}

	/** A customer with every member who added them, fetched page by page (doc 92114). */
	@WeComDoc(value = "92114", path = "/cgi-bin/externalcontact/get")
	default CustomerDetails getWithAllFollowUsers(String externalUserid) {
		List<CustomerDetails> pages = new ArrayList<>();
		List<FollowUser> followUsers = Pages.<FollowUser>byCursor((cursor) -> {
			CustomerDetails page = get(externalUserid, cursor);
			pages.add(page);
			return page;
		}).toList();
		return new CustomerDetails(pages.get(0).externalContact(), followUsers, null);
	}

	/** One page of the customers of several members, each with that member's follow info (doc 92994). */
	@WeComDoc("92994")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/batch/get_by_user")
	CustomersByUserPage batchGetByUser(@RequestBody ByUserQuery query);

	/** Every customer of these members (at most 100 members), page by page (doc 92994). */
	@WeComDoc(value = "92994", path = "/cgi-bin/externalcontact/batch/get_by_user")
	default Stream<CustomerWithFollowInfo> batchGetByUserAll(List<String> userids) {
		return Pages.byCursor((cursor) -> batchGetByUser(new ByUserQuery(userids, cursor, 100)));
	}

	/** Changes what a member noted about a customer: remark, description, corp, phones, picture (doc 92115). */
	@WeComDoc("92115")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/remark")
	void remark(@RequestBody Remark remark);

	/** Members' customer-contact statistics per day: chats, messages, replies, new customers (doc 92132). */
	@WeComDoc("92132")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_user_behavior_data")
	BehaviorData behaviorData(@RequestBody BehaviorQuery query);

	/** The userids of the members who may use customer contact. */
	record FollowUserIds(List<String> followUser) {
	}

	/** The external userids of a member's customers. */
	record CustomerIds(List<String> externalUserid) {
	}

	/** A customer and (a page of) the members who added them. */
	record CustomerDetails(Customer externalContact, List<FollowUser> followUser, String nextCursor)
			implements CursorPage<FollowUser> {

		@Override
		public List<FollowUser> items() {
			return this.followUser;
		}

	}

	/** The query of {@code batch/get_by_user}: up to 100 members, cursor null for the first page, limit up to 100. */
	record ByUserQuery(List<String> useridList, String cursor, Integer limit) {
	}

	/** A page of customers of several members. */
	record CustomersByUserPage(List<CustomerWithFollowInfo> externalContactList, String nextCursor,
			FailInfo failInfo) implements CursorPage<CustomerWithFollowInfo> {

		@Override
		public List<CustomerWithFollowInfo> items() {
			return this.externalContactList;
		}

	}

	/** A customer and what one of the queried members noted about them. */
	record CustomerWithFollowInfo(Customer externalContact, FollowInfo followInfo) {
	}

	/** The members WeCom could not answer for. */
	record FailInfo(List<String> unlicensedUseridList) {
	}

	/**
	 * What one member noted about a customer, as {@code batch/get_by_user} returns it: tags as ids only.
	 * @param tagId the ids of the tags the member gave the customer
	 */
	record FollowInfo(String userid, String remark, String description, @JsonProperty("createtime") Long createTime,
			List<String> tagId, String remarkCorpName, List<String> remarkMobiles, String operUserid, Integer addWay,
			FollowUser.WechatChannels wechatChannels, String state) {
	}

	/**
	 * A change to what a member noted about a customer; null fields stay as they are.
	 * @param remarkPicMediaId a temporary media id of a business card or other picture
	 */
	record Remark(String userid, String externalUserid, String remark, String description, String remarkCompany,
			List<String> remarkMobiles, @JsonProperty("remark_pic_mediaid") String remarkPicMediaId) {

		/** A new remark (name) for the customer. */
		public static Remark of(String userid, String externalUserid, String remark) {
			return new Remark(userid, externalUserid, remark, null, null, null, null);
		}

		/** This change, also setting the description. */
		public Remark withDescription(String description) {
			return new Remark(this.userid, this.externalUserid, this.remark, description, this.remarkCompany,
					this.remarkMobiles, this.remarkPicMediaId);
		}

		/** This change, also setting the corp name. */
		public Remark withCompany(String remarkCompany) {
			return new Remark(this.userid, this.externalUserid, this.remark, this.description, remarkCompany,
					this.remarkMobiles, this.remarkPicMediaId);
		}

		/** This change, also setting the phone numbers (an empty list clears them). */
		public Remark withMobiles(List<String> remarkMobiles) {
			return new Remark(this.userid, this.externalUserid, this.remark, this.description, this.remarkCompany,
					remarkMobiles, this.remarkPicMediaId);
		}

		/** This change, also setting the picture. */
		public Remark withPicture(String mediaId) {
			return new Remark(this.userid, this.externalUserid, this.remark, this.description, this.remarkCompany,
					this.remarkMobiles, mediaId);
		}

	}

	/**
	 * The query of {@code get_user_behavior_data}: members and/or departments, and a range of at most
	 * 30 days within the last 180, in epoch seconds.
	 */
	record BehaviorQuery(List<String> userid, List<Long> partyid, Long startTime, Long endTime) {

		/** The statistics of these members over a time range. */
		public static BehaviorQuery ofMembers(List<String> userids, long startTime, long endTime) {
			return new BehaviorQuery(userids, null, startTime, endTime);
		}

	}

	/** The statistics, one entry per day. */
	record BehaviorData(List<DayBehavior> behaviorData) {
	}

	/**
	 * One day of customer-contact statistics.
	 * @param statTime the day, in epoch seconds
	 * @param replyPercentage the share of chats the members replied to, in percent
	 * @param avgReplyTime the average first reply time, in minutes
	 */
	record DayBehavior(Long statTime, Integer chatCnt, Integer messageCnt, Double replyPercentage,
			Integer avgReplyTime, Integer negativeFeedbackCnt, Integer newApplyCnt, Integer newContactCnt) {
	}

}

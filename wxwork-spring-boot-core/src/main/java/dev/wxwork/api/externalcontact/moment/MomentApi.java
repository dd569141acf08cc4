package dev.wxwork.api.externalcontact.moment;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.CursorPage;
import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** The posts on customers' moments and their reach (获取客户朋友圈全部的发表记录, doc 93333). */
@HttpExchange("/cgi-bin/externalcontact")
public interface MomentApi {

	/** One page of the posts in a time range (doc 93333). */
	@WeComDoc("93333")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_moment_list")
	MomentPage list(@RequestBody ListQuery query);

	/** Every post in a time range (epoch seconds, at most a month), page by page (doc 93333). */
	@WeComDoc(value = "93333", path = "/cgi-bin/externalcontact/get_moment_list")
	default Stream<Moment> listAll(long startTime, long endTime) {
		return Pages.byCursor((cursor) -> list(new ListQuery(startTime, endTime, null, null, cursor, 20)));
	}

	/** One page of the members asked to publish a corp post, and whether they did (doc 93333). */
	@WeComDoc("93333")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_moment_task")
	TaskPage task(@RequestBody MomentQuery query);

	/** Every member asked to publish a corp post, page by page (doc 93333). */
	@WeComDoc(value = "93333", path = "/cgi-bin/externalcontact/get_moment_task")
	default Stream<Task> taskAll(String momentId) {
		return Pages.byCursor((cursor) -> task(new MomentQuery(momentId, null, cursor, 1000)));
	}

	/** One page of the customers a member chose to show a corp post to (doc 93333). */
	@WeComDoc("93333")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_moment_customer_list")
	CustomerPage customers(@RequestBody MomentQuery query);

	/** Every customer a member chose to show a corp post to, page by page (doc 93333). */
	@WeComDoc(value = "93333", path = "/cgi-bin/externalcontact/get_moment_customer_list")
	default Stream<Reach> customersAll(String momentId, String userid) {
		return Pages.byCursor((cursor) -> customers(new MomentQuery(momentId, userid, cursor, 1000)));
	}

	/** One page of the customers who can see a post a member published (doc 93333). */
	@WeComDoc("93333")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_moment_send_result")
	CustomerPage sendResult(@RequestBody MomentQuery query);

	/** Every customer who can see a post a member published, page by page (doc 93333). */
	@WeComDoc(value = "93333", path = "/cgi-bin/externalcontact/get_moment_send_result")
	default Stream<Reach> sendResultAll(String momentId, String userid) {
		return Pages.byCursor((cursor) -> sendResult(new MomentQuery(momentId, userid, cursor, 5000)));
	}

	/** The comments and likes a member's post received (doc 93333). */
	@WeComDoc("93333")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_moment_comments")
	Interactions comments(@RequestBody MomentQuery query);

	/** The comments and likes a member's post received (doc 93333). */
	@WeComDoc(value = "93333", path = "/cgi-bin/externalcontact/get_moment_comments")
	default Interactions comments(String momentId, String userid) {
		return comments(new MomentQuery(momentId, userid, null, null));
	}

	/**
	 * The query of {@code get_moment_list}.
	 * @param creator only posts by this member
	 * @param filterType 0 by the corp, 1 by members, 2 all (default)
	 * @param limit at most 20
	 */
	record ListQuery(Long startTime, Long endTime, String creator, Integer filterType, String cursor,
			Integer limit) {
	}

	/** A page of posts. */
	record MomentPage(List<Moment> momentList, String nextCursor) implements CursorPage<Moment> {

		@Override
		public List<Moment> items() {
			return this.momentList;
		}

	}

	/** A query about one post, for one member where the endpoint needs one. */
	record MomentQuery(String momentId, String userid, String cursor, Integer limit) {
	}

	/** A page of members asked to publish. */
	record TaskPage(List<Task> taskList, String nextCursor) implements CursorPage<Task> {

		@Override
		public List<Task> items() {
			return this.taskList;
		}

	}

	/** A member asked to publish, and whether they did (0 not yet, 1 published). */
	record Task(String userid, Integer publishStatus) {
	}

	/** A page of customers a post reaches. */
	record CustomerPage(List<Reach> customerList, String nextCursor) implements CursorPage<Reach> {

		@Override
		public List<Reach> items() {
			return this.customerList;
		}

	}

	/** A customer a post reaches, through the member who published it (userid absent in send results). */
	record Reach(String userid, String externalUserid) {
	}

	/** The comments and likes on a post. */
	record Interactions(List<Interaction> commentList, List<Interaction> likeList) {
	}

	/** A comment or like, by a customer ({@code externalUserid}) or a member ({@code userid}), in epoch seconds. */
	record Interaction(String externalUserid, String userid, Long createTime) {
	}

}

package dev.wxwork.api.externalcontact.message;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.CursorPage;
import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.Text;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Messages to customers: mass messages, welcome messages and group welcome templates (消息推送, doc 92135). */
@HttpExchange("/cgi-bin/externalcontact")
public interface CustomerMessageApi {

	/** Creates a mass message for the members to send; returns its id and the unreachable customers (doc 92135). */
	@WeComDoc("92135")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/add_msg_template")
	MassMessageCreated send(@RequestBody MassMessage message);

	/** One page of the mass messages in a time range (doc 93338). */
	@WeComDoc("93338")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_groupmsg_list_v2")
	MassMessagePage list(@RequestBody ListQuery query);

	/** Every mass message to customers ({@code single}) or groups ({@code group}) in a time range, page by page (doc 93338). */
	@WeComDoc(value = "93338", path = "/cgi-bin/externalcontact/get_groupmsg_list_v2")
	default Stream<SentMassMessage> listAll(String chatType, long startTime, long endTime) {
		return Pages.byCursor((cursor) -> list(new ListQuery(chatType, startTime, endTime, null, null, 100, cursor)));
	}

	/** One page of the members asked to send a mass message, and whether they did (doc 93338). */
	@WeComDoc("93338")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_groupmsg_task")
	TaskPage tasks(@RequestBody TaskQuery query);

	/** Every member asked to send a mass message, page by page (doc 93338). */
	@WeComDoc(value = "93338", path = "/cgi-bin/externalcontact/get_groupmsg_task")
	default Stream<Task> tasksAll(String msgid) {
		return Pages.byCursor((cursor) -> tasks(new TaskQuery(msgid, null, 1000, cursor)));
	}

	/** One page of a member's deliveries of a mass message (doc 93338). */
	@WeComDoc("93338")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_groupmsg_send_result")
	SendResultPage sendResult(@RequestBody TaskQuery query);

	/** Every delivery of a mass message by one member, page by page (doc 93338). */
	@WeComDoc(value = "93338", path = "/cgi-bin/externalcontact/get_groupmsg_send_result")
	default Stream<Delivery> sendResultAll(String msgid, String userid) {
		return Pages.byCursor((cursor) -> sendResult(new TaskQuery(msgid, userid, 1000, cursor)));
	}

	/** Reminds the members who have not sent a mass message yet (doc 97610). */
	@WeComDoc("97610")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/remind_groupmsg_send")
	void remind(@RequestBody MessageId msgid);

	/** Stops a mass message that members have not sent yet (doc 97611). */
	@WeComDoc("97611")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/cancel_groupmsg_send")
	void cancel(@RequestBody MessageId msgid);

	/** Sends the welcome message to a new customer, with the welcome code of the add event, within 20 seconds (doc 92137). */
	@WeComDoc("92137")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/send_welcome_msg")
	void sendWelcome(@RequestBody WelcomeMessage message);

	/** Sends the welcome message to a new customer, with the welcome code of the add event (doc 92137). */
	@WeComDoc(value = "92137", path = "/cgi-bin/externalcontact/send_welcome_msg")
	default void sendWelcome(String welcomeCode, String text, Attachment... attachments) {
		sendWelcome(new WelcomeMessage(welcomeCode, MassMessage.textOrNull(text), MassMessage.attachments(attachments)));
	}

	/** Adds a group welcome template and returns its id (doc 92366). */
	@WeComDoc("92366")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/group_welcome_template/add")
	TemplateId addGroupWelcomeTemplate(@RequestBody GroupWelcomeTemplate template);

	/** Replaces a group welcome template's content (doc 92366). */
	@WeComDoc("92366")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/group_welcome_template/edit")
	void editGroupWelcomeTemplate(@RequestBody GroupWelcomeTemplate template);

	/** Reads a group welcome template (doc 92366). */
	@WeComDoc("92366")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/group_welcome_template/get")
	GroupWelcomeTemplate getGroupWelcomeTemplate(@RequestBody TemplateId templateId);

	/** Deletes a group welcome template (doc 92366). */
	@WeComDoc("92366")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/group_welcome_template/del")
	void deleteGroupWelcomeTemplate(@RequestBody TemplateId templateId);

	/** The answer to creating a mass message: its id, and the customers it cannot reach. */
	record MassMessageCreated(List<String> failList, String msgid) {
	}

	/**
	 * The query of {@code get_groupmsg_list_v2}.
	 * @param chatType {@code single} or {@code group}
	 * @param creator only messages created by this member
	 * @param filterType 0 by the corp, 1 by members, 2 all (default)
	 * @param limit at most 100
	 */
	record ListQuery(String chatType, Long startTime, Long endTime, String creator, Integer filterType,
			Integer limit, String cursor) {
	}

	/** A page of mass messages. */
	record MassMessagePage(List<SentMassMessage> groupMsgList, String nextCursor)
			implements CursorPage<SentMassMessage> {

		@Override
		public List<SentMassMessage> items() {
			return this.groupMsgList;
		}

	}

	/**
	 * A mass message as it was created.
	 * @param createTime epoch seconds
	 * @param createType 0 by the corp, 1 by a member
	 */
	record SentMassMessage(String msgid, String creator, Long createTime, Integer createType, Text text,
			List<Attachment> attachments) {
	}

	/** The query of a mass message's tasks ({@code userid} only for send results). */
	record TaskQuery(String msgid, String userid, Integer limit, String cursor) {
	}

	/** A page of tasks. */
	record TaskPage(List<Task> taskList, String nextCursor) implements CursorPage<Task> {

		@Override
		public List<Task> items() {
			return this.taskList;
		}

	}

	/**
	 * A member's task: status 0 not sent, 2 sent; {@code sendTime} in epoch seconds.
	 */
	record Task(String userid, Integer status, Long sendTime) {
	}

	/** A page of deliveries. */
	record SendResultPage(List<Delivery> sendList, String nextCursor) implements CursorPage<Delivery> {

		@Override
		public List<Delivery> items() {
			return this.sendList;
		}

	}

	/**
	 * A delivery to one customer or group: status 0 not sent, 1 sent, 2 not a customer any more,
	 * 3 the customer reached the limit of messages.
	 */
	record Delivery(String externalUserid, String chatId, String userid, Integer status, Long sendTime) {
	}

	/** A mass message's id. */
	record MessageId(String msgid) {
	}

	/** A welcome message; the welcome code comes with the add-customer event and is valid 20 seconds. */
	record WelcomeMessage(String welcomeCode, Text text, List<Attachment> attachments) {
	}

	/**
	 * A group welcome template's id.
	 * @param agentid the app that owns the template, for deletion by an app managing its own
	 */
	record TemplateId(String templateId, Long agentid) {

		/** The template with this id. */
		public static TemplateId of(String templateId) {
			return new TemplateId(templateId, null);
		}

	}

}

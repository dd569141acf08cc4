package dev.wxwork.callback.event;

/**
 * A member clicked a button of a task card (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param eventKey the key of the clicked button
 * @param taskId the task id the card was sent with
 */
public record TaskCardClickEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String eventKey,
		String taskId) implements WxWorkEvent {
}

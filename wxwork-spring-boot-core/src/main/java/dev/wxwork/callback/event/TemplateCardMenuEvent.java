package dev.wxwork.callback.event;

/**
 * A member picked an item of a template card's menu (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param eventKey the key of the picked menu item
 * @param taskId the task id the card was sent with
 * @param cardType the card type
 * @param responseCode the code for updating this card
 */
public record TemplateCardMenuEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String eventKey,
		String taskId,
		String cardType,
		String responseCode) implements WxWorkEvent {
}

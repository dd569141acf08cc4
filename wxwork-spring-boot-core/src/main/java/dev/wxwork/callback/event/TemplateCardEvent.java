package dev.wxwork.callback.event;

import java.util.List;

/**
 * A member clicked a button or submitted a selection on a template card (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param eventKey the key of the clicked button
 * @param taskId the task id the card was sent with
 * @param cardType the card type, such as button_interaction
 * @param responseCode the code for updating this card, valid for 72 hours and once
 * @param selectedItems the selections submitted with it; empty when none
 */
public record TemplateCardEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String eventKey,
		String taskId,
		String cardType,
		String responseCode,
		List<SelectedItem> selectedItems) implements WxWorkEvent {
}

package dev.wxwork.callback.event;

/**
 * A member picked a location from the menu (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param eventKey the EventKey
 * @param sendLocationInfo the location picked
 */
public record LocationSelectEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String eventKey,
		SendLocationInfo sendLocationInfo) implements WxWorkEvent {
}

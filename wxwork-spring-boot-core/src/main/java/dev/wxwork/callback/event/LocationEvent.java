package dev.wxwork.callback.event;

/**
 * A member reported their location on entering the app (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param latitude the latitude; null when WeCom leaves it out (0.0 is a real place)
 * @param longitude the longitude; null when WeCom leaves it out
 * @param precision the precision
 * @param appType the client that reported it
 */
public record LocationEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		Double latitude,
		Double longitude,
		Double precision,
		String appType) implements WxWorkEvent {
}

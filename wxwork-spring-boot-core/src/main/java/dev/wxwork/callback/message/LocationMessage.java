package dev.wxwork.callback.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A location message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param locationX the latitude; null when WeCom leaves it out (0.0 is a real place)
 * @param locationY the longitude; null when WeCom leaves it out
 * @param scale the map zoom
 * @param label the place name
 * @param appType the client that sent it, such as wxwork
 * @param msgId the message id, unique per message
 */
public record LocationMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		@JsonProperty("Location_X") Double locationX,
		@JsonProperty("Location_Y") Double locationY,
		Integer scale,
		String label,
		String appType,
		String msgId) implements WxWorkMessage {
}

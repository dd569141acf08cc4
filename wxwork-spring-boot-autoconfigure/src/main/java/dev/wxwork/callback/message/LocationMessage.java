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
 * @param locationX the latitude
 * @param locationY the longitude
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
		@JsonProperty("Location_X") double locationX,
		@JsonProperty("Location_Y") double locationY,
		Integer scale,
		String label,
		String appType,
		String msgId) implements WxWorkMessage {
}

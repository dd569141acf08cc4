package dev.wxwork.callback.message;

/**
 * A text message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param content the text
 * @param msgId the message id, unique per message
 */
public record TextMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String content,
		String msgId) implements WxWorkMessage {
}

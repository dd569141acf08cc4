package dev.wxwork.callback.message;

/**
 * An image message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param picUrl the picture URL
 * @param mediaId the media id, for the media download API
 * @param msgId the message id, unique per message
 */
public record ImageMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String picUrl,
		String mediaId,
		String msgId) implements WxWorkMessage {
}

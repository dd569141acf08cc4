package dev.wxwork.callback.message;

/**
 * A video message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param mediaId the media id, for the media download API
 * @param thumbMediaId the media id of the thumbnail
 * @param msgId the message id, unique per message
 */
public record VideoMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String mediaId,
		String thumbMediaId,
		String msgId) implements WxWorkMessage {
}

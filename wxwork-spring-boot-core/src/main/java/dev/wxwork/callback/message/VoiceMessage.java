package dev.wxwork.callback.message;

/**
 * A voice message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param mediaId the media id, for the media download API
 * @param format the audio format, such as amr
 * @param msgId the message id, unique per message
 */
public record VoiceMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String mediaId,
		String format,
		String msgId) implements WxWorkMessage {
}

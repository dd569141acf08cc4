package dev.wxwork.callback.message;

/**
 * A link message (doc 90239).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param title the title
 * @param description the description
 * @param url the link
 * @param picUrl the cover picture URL
 * @param msgId the message id, unique per message
 */
public record LinkMessage(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String title,
		String description,
		String url,
		String picUrl,
		String msgId) implements WxWorkMessage {
}

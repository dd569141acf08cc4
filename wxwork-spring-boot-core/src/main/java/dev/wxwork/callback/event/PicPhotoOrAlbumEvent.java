package dev.wxwork.callback.event;

/**
 * A member took a photo or picked one from the album from the menu (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param eventKey the EventKey
 * @param sendPicsInfo the pictures sent
 */
public record PicPhotoOrAlbumEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String eventKey,
		SendPicsInfo sendPicsInfo) implements SendPicsEvent {
}

package dev.wxwork.callback.event;

/**
 * A meeting room booking was cancelled (doc 93705).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param meetingRoomId the meeting room id
 * @param meetingId the meeting or booking id
 */
public record CancelMeetingRoomEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String meetingRoomId,
		String meetingId) implements WxWorkEvent {
}

package dev.wxwork.callback.event;

/**
 * An attendee answered a schedule invitation (doc 93704).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param calId the calendar id
 * @param scheduleId the schedule id
 */
public record RespondScheduleEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String calId,
		String scheduleId) implements ScheduleEvent {
}

package dev.wxwork.callback.event;

/**
 * The customer tags were reordered (doc 92130).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param id the tag group id, absent when groups were reordered
 * @param strategyId the rule group id
 */
public record ExternalTagShuffleEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		String id,
		Long strategyId) implements ChangeExternalTagEvent {
}

package dev.wxwork.callback.event;

/**
 * A customer tag or tag group was deleted (doc 92130).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param id the tag or tag group id
 * @param tagType tag or tag_group
 * @param strategyId the rule group id, for rule-group tags
 */
public record ExternalTagDeleteEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		String id,
		String tagType,
		Long strategyId) implements ChangeExternalTagEvent {
}

package dev.wxwork.callback.event;

/**
 * A department was changed; only changed fields are present (doc 90971).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param id the department id
 * @param name the name
 * @param parentId the parent department id
 */
public record UpdatePartyEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		long id,
		String name,
		Long parentId) implements ChangeContactEvent {
}

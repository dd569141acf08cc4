package dev.wxwork.callback.event;

/**
 * A member edited a customer (doc 92130).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param userId the member whose customer it is
 * @param externalUserId the customer's external userid
 */
public record EditExternalContactEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		String userId,
		String externalUserId) implements ChangeExternalContactEvent {
}

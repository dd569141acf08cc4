package dev.wxwork.callback.event;

/**
 * An asynchronous batch job finished (doc 90240).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param batchJob the job and its result
 */
public record BatchJobResultEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		BatchJob batchJob) implements WxWorkEvent {
}

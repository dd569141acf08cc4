package dev.wxwork.callback.event;

/**
 * An approval made with the app's own approval flow changed state (doc 90269).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param approvalInfo the approval and its state
 */
public record OpenApprovalChangeEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		OpenApprovalInfo approvalInfo) implements WxWorkEvent {
}

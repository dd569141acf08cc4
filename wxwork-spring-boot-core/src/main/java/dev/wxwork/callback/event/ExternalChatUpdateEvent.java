package dev.wxwork.callback.event;

import java.util.List;

/**
 * A customer group changed (doc 92130).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param chatId the customer group id
 * @param updateDetail what changed: add_member, del_member, change_owner, change_name, change_notice
 * @param joinScene how members joined: 0 invited, 3 by QR code
 * @param quitScene how members left: 0 themselves, 1 removed
 * @param memChangeCnt how many members changed
 * @param memChangeList the userids of the members who changed
 * @param lastMemVer the member version before the change
 * @param curMemVer the member version after the change
 */
public record ExternalChatUpdateEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		String chatId,
		String updateDetail,
		Integer joinScene,
		Integer quitScene,
		Integer memChangeCnt,
		List<String> memChangeList,
		String lastMemVer,
		String curMemVer) implements ChangeExternalChatEvent {
}

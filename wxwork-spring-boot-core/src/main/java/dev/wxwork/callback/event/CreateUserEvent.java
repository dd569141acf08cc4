package dev.wxwork.callback.event;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;

import dev.wxwork.callback.message.CommaSeparated;

/**
 * A member was created (doc 90970).
 *
 * @param toUserName the corp id the message was sent to
 * @param fromUserName the member who sent it
 * @param createTime when it was sent, seconds since the epoch
 * @param msgType the MsgType
 * @param agentId the AgentID of the app
 * @param event the Event
 * @param changeType the ChangeType
 * @param userId the member's userid
 * @param name the name
 * @param department the departments
 * @param mainDepartment the main department
 * @param isLeaderInDept per department, 1 when the member leads it
 * @param directLeader the userids of the direct leaders
 * @param position the position
 * @param mobile the mobile number
 * @param gender 1 male, 2 female, 0 unknown
 * @param email the email address
 * @param bizMail the corporate email address
 * @param status 1 active, 2 disabled, 4 not activated, 5 left
 * @param avatar the avatar URL
 * @param alias the alias
 * @param telephone the landline
 * @param address the address
 * @param extAttr the custom attributes
 */
public record CreateUserEvent(String toUserName,
		String fromUserName,
		long createTime,
		String msgType,
		Long agentId,
		String event,
		String changeType,
		String userId,
		String name,
		@JsonDeserialize(using = CommaSeparated.Longs.class) List<Long> department,
		Long mainDepartment,
		@JsonDeserialize(using = CommaSeparated.Integers.class) List<Integer> isLeaderInDept,
		@JsonDeserialize(using = CommaSeparated.Strings.class) List<String> directLeader,
		String position,
		String mobile,
		Integer gender,
		String email,
		String bizMail,
		Integer status,
		String avatar,
		String alias,
		String telephone,
		String address,
		List<ExtAttr> extAttr) implements ChangeContactEvent {
}

package dev.wxwork.api.externalcontact.groupchat;

import java.util.List;

/**
 * A customer group chat (客户群, doc 92122).
 * @param createTime epoch seconds
 * @param memberVersion changes whenever the members change, to detect missed change events
 */
public record GroupChat(String chatId, String name, String owner, Long createTime, String notice,
		List<Member> memberList, List<Admin> adminList, String memberVersion) {

	/**
	 * A member of the group.
	 * @param type 1 a corp member, 2 a customer
	 * @param joinTime epoch seconds
	 * @param joinScene 1 invited directly, 2 invited by link, 3 through a QR code
	 * @param invitor who invited them, when invited
	 * @param groupNickname the nickname in this group
	 * @param name the name (when asked for with {@code need_name})
	 */
	public record Member(String userid, Integer type, String unionid, Long joinTime, Integer joinScene,
			Invitor invitor, String groupNickname, String name) {
	}

	/** The member who invited someone. */
	public record Invitor(String userid) {
	}

	/** An admin of the group. */
	public record Admin(String userid) {
	}

}

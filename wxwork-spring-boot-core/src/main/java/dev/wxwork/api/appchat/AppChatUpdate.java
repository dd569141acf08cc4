package dev.wxwork.api.appchat;

import java.util.List;

/** Changes to a group chat (doc 90246); null fields stay as they are. */
public record AppChatUpdate(String chatid, String name, String owner, List<String> addUserList,
		List<String> delUserList) {

	/** A change of this chat that changes nothing yet. */
	public static AppChatUpdate of(String chatid) {
		return new AppChatUpdate(chatid, null, null, null, null);
	}

	/** The same change, renaming the chat. */
	public AppChatUpdate withName(String name) {
		return new AppChatUpdate(this.chatid, name, this.owner, this.addUserList, this.delUserList);
	}

	/** The same change, handing the chat to another owner. */
	public AppChatUpdate withOwner(String owner) {
		return new AppChatUpdate(this.chatid, this.name, owner, this.addUserList, this.delUserList);
	}

	/** The same change, adding these members. */
	public AppChatUpdate withAddedMembers(List<String> userids) {
		return new AppChatUpdate(this.chatid, this.name, this.owner, userids, this.delUserList);
	}

	/** The same change, removing these members. */
	public AppChatUpdate withRemovedMembers(List<String> userids) {
		return new AppChatUpdate(this.chatid, this.name, this.owner, this.addUserList, userids);
	}

}

package dev.wxwork.api.externalcontact.message;

import java.util.List;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.Text;

/**
 * A mass message to customers or customer groups (创建企业群发, doc 92135): WeCom asks the sending members
 * to confirm it, then delivers it. Text plus at most 9 attachments.
 * @param chatType {@code single} for customers (default), {@code group} for customer groups
 * @param externalUserid the customers (single only; at most 10,000)
 * @param chatIdList the groups (group only)
 * @param tagFilter only customers with these corp tags (single only)
 * @param sender the sending member; required for groups, for customers a limit to that member's customers
 * @param allowSelect whether the sender may change the recipients
 */
public record MassMessage(String chatType, List<String> externalUserid, List<String> chatIdList,
		TagFilter tagFilter, String sender, Boolean allowSelect, Text text, List<Attachment> attachments) {

	/** A message to these customers. */
	public static MassMessage toCustomers(List<String> externalUserids, String text, Attachment... attachments) {
		return new MassMessage("single", externalUserids, null, null, null, null, textOrNull(text),
				attachments(attachments));
	}

	/** A message to the customer groups a member owns, sent by that member. */
	public static MassMessage toGroupsOf(String sender, String text, Attachment... attachments) {
		return new MassMessage("group", null, null, null, sender, null, textOrNull(text), attachments(attachments));
	}

	/** This message, sent by this member (to that member's customers only). */
	public MassMessage withSender(String sender) {
		return new MassMessage(this.chatType, this.externalUserid, this.chatIdList, this.tagFilter, sender,
				this.allowSelect, this.text, this.attachments);
	}

	/** This message, only to customers with a tag of every one of these lists (any tag within a list). */
	public MassMessage withTagFilter(List<List<String>> tagLists) {
		TagFilter filter = new TagFilter(tagLists.stream().map(TagFilter.Group::new).toList());
		return new MassMessage(this.chatType, this.externalUserid, this.chatIdList, filter, this.sender,
				this.allowSelect, this.text, this.attachments);
	}

	static Text textOrNull(String text) {
		return (text != null) ? Text.of(text) : null;
	}

	static List<Attachment> attachments(Attachment... attachments) {
		return (attachments.length > 0) ? List.of(attachments) : null;
	}

	/** Tag conditions: a customer must match every group, and within a group any tag. */
	public record TagFilter(List<Group> groupList) {

		/** Tags of which a customer needs at least one. */
		public record Group(List<String> tagList) {
		}

	}

}

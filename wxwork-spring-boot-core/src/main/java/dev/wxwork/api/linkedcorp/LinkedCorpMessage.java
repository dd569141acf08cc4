package dev.wxwork.api.linkedcorp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.wxwork.api.message.MessageContent;

/**
 * An app message to linked corps (doc 90250).
 * @param touser members as {@code CorpId/userid} (a member of the own corp: plain userid)
 * @param toparty departments as {@code LinkedId/DepartmentId}
 * @param totag tag ids
 * @param toall 1 to send to everyone in the app's visible range
 * @param safe 1 to mark the message confidential
 */
public record LinkedCorpMessage(List<String> touser, List<String> toparty, List<String> totag, Integer toall,
		long agentid, @JsonUnwrapped MessageContent content, Integer safe) {

	/** A message from this app to these members. */
	public static LinkedCorpMessage toUsers(long agentid, List<String> corpSlashUserids, MessageContent content) {
		return new LinkedCorpMessage(corpSlashUserids, null, null, null, agentid, content, null);
	}

	/** A message from this app to these departments. */
	public static LinkedCorpMessage toDepartments(long agentid, List<String> linkedSlashDepartmentIds,
			MessageContent content) {
		return new LinkedCorpMessage(null, linkedSlashDepartmentIds, null, null, agentid, content, null);
	}

	/** A message from this app to everyone in its visible range. */
	public static LinkedCorpMessage toAll(long agentid, MessageContent content) {
		return new LinkedCorpMessage(null, null, null, 1, agentid, content, null);
	}

	/** The same message, marked confidential. */
	public LinkedCorpMessage confidential() {
		return new LinkedCorpMessage(this.touser, this.toparty, this.totag, this.toall, this.agentid, this.content, 1);
	}

}

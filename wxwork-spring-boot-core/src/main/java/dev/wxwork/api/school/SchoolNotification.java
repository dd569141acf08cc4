package dev.wxwork.api.school;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.wxwork.api.message.MessageContent;

/**
 * A school notification (doc 92321).
 * @param recvScope who receives it when sent to classes: 0 students and parents, 1 students only,
 * 2 parents only
 * @param toParty class (department) ids
 * @param toall 1 to send to everyone in the app's visible range
 * @param enableIdTrans 1 to render {@code $userName=...$} style ids as names
 * @param enableDuplicateCheck 1 to drop a repeat of the same message within
 * {@code duplicateCheckInterval} seconds
 */
public record SchoolNotification(Integer recvScope, List<String> toParentUserid, List<String> toStudentUserid,
		List<String> toParty, Integer toall, long agentid, @JsonUnwrapped MessageContent content, Integer enableIdTrans,
		Integer enableDuplicateCheck, Integer duplicateCheckInterval) {

	/** A notification from this app to these parents. */
	public static SchoolNotification toParents(long agentid, List<String> parentUserids, MessageContent content) {
		return new SchoolNotification(null, parentUserids, null, null, null, agentid, content, null, null, null);
	}

	/** A notification from this app to these students. */
	public static SchoolNotification toStudents(long agentid, List<String> studentUserids, MessageContent content) {
		return new SchoolNotification(null, null, studentUserids, null, null, agentid, content, null, null, null);
	}

	/** A notification from this app to these classes, received by students, parents or both ({@code recvScope}). */
	public static SchoolNotification toClasses(long agentid, List<String> classIds, int recvScope,
			MessageContent content) {
		return new SchoolNotification(recvScope, null, null, classIds, null, agentid, content, null, null, null);
	}

	/** The same notification, dropped by WeCom if the same was sent within this many seconds. */
	public SchoolNotification withDuplicateCheck(int intervalSeconds) {
		return new SchoolNotification(this.recvScope, this.toParentUserid, this.toStudentUserid, this.toParty,
				this.toall, this.agentid, this.content, this.enableIdTrans, 1, intervalSeconds);
	}

}

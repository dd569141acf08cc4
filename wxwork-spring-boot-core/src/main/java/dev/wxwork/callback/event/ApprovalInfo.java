package dev.wxwork.callback.event;

import java.util.List;

/**
 * An approval of WeCom's own approval app as its change event carries it (doc 91815).
 *
 * @param spNo the approval number
 * @param spName the template name
 * @param spStatus 1 pending, 2 approved, 3 rejected, 4 withdrawn, 6 revoked after approval, 7 deleted, 10 paid
 * @param templateId the template id
 * @param applyTime when it was submitted, seconds since the epoch
 * @param applyer who submitted it
 * @param spRecord the approval steps
 * @param notifyer who is notified (cc)
 * @param comments the comments
 * @param statuChangeEvent what changed: 1 submitted, 2 approved, 3 rejected, 4 withdrawn, ... (WeCom's spelling)
 */
public record ApprovalInfo(String spNo, String spName, Integer spStatus, String templateId, Long applyTime,
		Applyer applyer, List<SpRecord> spRecord, List<ApprovalUser> notifyer, List<Comment> comments,
		Integer statuChangeEvent) {

	/**
	 * The submitter.
	 *
	 * @param userId the member's userid
	 * @param party the member's department
	 */
	public record Applyer(String userId, String party) {
	}

	/**
	 * A member in an approval.
	 *
	 * @param userId the member's userid
	 */
	public record ApprovalUser(String userId) {
	}

	/**
	 * One step of the approval.
	 *
	 * @param spStatus 1 pending, 2 approved, 3 rejected, 4 transferred, ...
	 * @param approverAttr 1 any one approver decides, 2 all must approve
	 * @param details the approvers of this step and what they did
	 */
	public record SpRecord(Integer spStatus, Integer approverAttr, List<Detail> details) {
	}

	/**
	 * What one approver of a step did.
	 *
	 * @param approver the approver
	 * @param speech their comment
	 * @param spStatus 1 pending, 2 approved, 3 rejected, 4 transferred, ...
	 * @param spTime when they acted, seconds since the epoch; 0 when they did not yet
	 */
	public record Detail(ApprovalUser approver, String speech, Integer spStatus, Long spTime) {
	}

	/**
	 * A comment on the approval.
	 *
	 * @param commentUserInfo who commented
	 * @param commentTime when, seconds since the epoch
	 * @param commentContent the text
	 * @param commentId the comment id
	 * @param attach the media ids of the comment's attachments (each {@code Attach} element)
	 */
	public record Comment(ApprovalUser commentUserInfo, Long commentTime, String commentContent, String commentId,
			List<String> attach) {
	}

}

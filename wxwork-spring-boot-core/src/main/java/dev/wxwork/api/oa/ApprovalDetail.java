package dev.wxwork.api.oa;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of getapprovaldetail (doc 91983). */
public record ApprovalDetail(Info info) {

	/**
	 * An application.
	 * @param spStatus 1 pending, 2 approved, 3 rejected, 4 withdrawn, 6 revoked after approval, 7 deleted,
	 * 10 paid
	 * @param applyTime Unix seconds
	 */
	public record Info(String spNo, String spName, Integer spStatus, String templateId, Long applyTime,
			Applyer applyer, List<ApprovalStep> spRecord, List<Member> notifyer, ApplyData applyData,
			List<Comment> comments) {
	}

	/** The applicant and the department applied in. */
	public record Applyer(String userid, String partyid) {
	}

	/**
	 * An approval step.
	 * @param approverattr 1 any one approves, 2 all approve
	 */
	public record ApprovalStep(Integer spStatus, Integer approverattr, List<ApprovalAction> details) {
	}

	/** One approver's decision; {@code sptime} in Unix seconds, 0 while pending. */
	public record ApprovalAction(Member approver, String speech, Integer spStatus, Long sptime, List<String> mediaId) {
	}

	/** A member. */
	public record Member(String userid) {
	}

	/** The filled-in controls. */
	public record ApplyData(List<ApprovalContent> contents) {
	}

	/** A comment on the application. */
	public record Comment(@JsonProperty("commentUserInfo") Member commentUserInfo, Long commenttime,
			String commentcontent, String commentid, List<String> mediaId) {
	}

}

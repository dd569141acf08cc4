package dev.wxwork.api.oa;

import java.util.List;

/**
 * An application to submit with applyevent (doc 91853).
 * @param creatorUserid the applicant
 * @param useTemplateApprover 1 to use the approvers set in the template, 0 to name them in {@code approver}
 * @param chooseDepartment the applicant's department to apply in, for members of several
 * @param notifyType 1 notify on submission, 2 on approval, 3 on both
 * @param summaryList up to 3 lines shown in the approval list
 */
public record ApprovalApplication(String creatorUserid, String templateId, int useTemplateApprover,
		Long chooseDepartment, List<Approver> approver, List<String> notifyer, Integer notifyType, ApplyData applyData,
		List<Summary> summaryList) {

	/** An application that uses the template's approvers. */
	public static ApprovalApplication withTemplateApprovers(String creatorUserid, String templateId,
			List<ApprovalContent> contents, List<Summary> summaryList) {
		return new ApprovalApplication(creatorUserid, templateId, 1, null, null, null, null, new ApplyData(contents),
				summaryList);
	}

	/** An application with its own approval steps. */
	public static ApprovalApplication withApprovers(String creatorUserid, String templateId, List<Approver> approvers,
			List<ApprovalContent> contents, List<Summary> summaryList) {
		return new ApprovalApplication(creatorUserid, templateId, 0, null, approvers, null, null,
				new ApplyData(contents), summaryList);
	}

	/** The same application, with these members notified ({@code notifyType} 1, 2 or 3). */
	public ApprovalApplication withNotified(List<String> userids, int notifyType) {
		return new ApprovalApplication(this.creatorUserid, this.templateId, this.useTemplateApprover,
				this.chooseDepartment, this.approver, userids, notifyType, this.applyData, this.summaryList);
	}

	/**
	 * An approval step.
	 * @param attr 1 any one of them approves, 2 all of them approve
	 */
	public record Approver(int attr, List<String> userid) {
	}

	/** The filled-in controls. */
	public record ApplyData(List<ApprovalContent> contents) {
	}

	/** A summary line. */
	public record Summary(List<LocalizedText> summaryInfo) {

		/** A summary line in Chinese. */
		public static Summary of(String chineseText) {
			return new Summary(List.of(LocalizedText.zh(chineseText)));
		}

	}

}

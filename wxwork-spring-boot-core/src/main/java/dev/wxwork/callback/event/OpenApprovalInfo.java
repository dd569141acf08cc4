package dev.wxwork.callback.event;

import java.util.List;

/**
 * An approval made with the app's own approval flow, as its change event carries it (doc 90269).
 *
 * @param thirdNo the approval number the app gave it
 * @param openSpName the template name
 * @param openTemplateId the template id
 * @param openSpStatus 1 pending, 2 approved, 3 rejected, 4 withdrawn
 * @param applyTime when it was submitted, seconds since the epoch
 * @param applyUserName the submitter's name
 * @param applyUserId the submitter's userid
 * @param applyUserParty the submitter's department
 * @param applyUserImage the submitter's avatar URL
 * @param approvalNodes the approval steps
 * @param notifyNodes who is notified (cc)
 * @param approverStep the index of the current step
 */
public record OpenApprovalInfo(String thirdNo, String openSpName, String openTemplateId, Integer openSpStatus,
		Long applyTime, String applyUserName, String applyUserId, String applyUserParty, String applyUserImage,
		List<ApprovalNode> approvalNodes, List<NotifyNode> notifyNodes, Integer approverStep) {

	/**
	 * One step of the approval.
	 *
	 * @param nodeStatus 1 pending, 2 approved, 3 rejected, 4 transferred
	 * @param nodeAttr 1 any one approver decides, 2 all must approve
	 * @param nodeType 1 a fixed member, 2 the submitter's leader
	 * @param items the approvers of this step
	 */
	public record ApprovalNode(Integer nodeStatus, Integer nodeAttr, Integer nodeType, List<Item> items) {
	}

	/**
	 * One approver of a step.
	 *
	 * @param itemName the approver's name
	 * @param itemUserId the approver's userid
	 * @param itemImage the approver's avatar URL
	 * @param itemStatus 1 pending, 2 approved, 3 rejected, 4 transferred
	 * @param itemSpeech the approver's comment
	 * @param itemOpTime when they acted, seconds since the epoch
	 * @param itemParty the approver's department
	 */
	public record Item(String itemName, String itemUserId, String itemImage, Integer itemStatus, String itemSpeech,
			Long itemOpTime, String itemParty) {
	}

	/**
	 * A member notified of the approval.
	 *
	 * @param itemName the member's name
	 * @param itemUserId the member's userid
	 * @param itemImage the member's avatar URL
	 * @param itemParty the member's department
	 */
	public record NotifyNode(String itemName, String itemUserId, String itemImage, String itemParty) {
	}

}

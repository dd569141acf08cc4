package dev.wxwork.api.oa;

import java.util.List;

/**
 * One filled-in control of an application (doc 91853, 91983).
 * @param control the control's kind, as in the template
 * @param id the control's id in the template
 * @param title the control's title (in answers only)
 */
public record ApprovalContent(String control, String id, List<LocalizedText> title, ApprovalControlValue value) {

	/** A control to submit. */
	public static ApprovalContent of(String control, String id, ApprovalControlValue value) {
		return new ApprovalContent(control, id, null, value);
	}

}

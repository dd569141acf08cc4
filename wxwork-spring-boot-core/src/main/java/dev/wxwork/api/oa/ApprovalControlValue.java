package dev.wxwork.api.oa;

import java.util.List;

/**
 * The value of a control in an application (doc 91853, 91983); only the field of the control's kind
 * is present. Numbers and amounts are strings, as WeCom sends them.
 */
public record ApprovalControlValue(String text, String newNumber, String newMoney, DateValue date,
		SelectorValue selector, List<Member> members, List<Department> departments, List<FileRef> files,
		List<TableRow> children, DateRangeValue dateRange, LocationValue location, List<RelatedApproval> relatedApproval,
		FormulaValue formula) {

	/** The value of a Text or Textarea control. */
	public static ApprovalControlValue ofText(String text) {
		return new ApprovalControlValue(text, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The value of a Number control. */
	public static ApprovalControlValue ofNumber(String number) {
		return new ApprovalControlValue(null, number, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The value of a Money control, such as "700.00". */
	public static ApprovalControlValue ofMoney(String amount) {
		return new ApprovalControlValue(null, null, amount, null, null, null, null, null, null, null, null, null, null);
	}

	/** A date ({@code day} or {@code hour}) at this Unix time. */
	public static ApprovalControlValue ofDate(String type, long timestamp) {
		return new ApprovalControlValue(null, null, null, new DateValue(type, String.valueOf(timestamp)), null, null,
				null, null, null, null, null, null, null);
	}

	/** A selection ({@code single} or {@code multi}) of these option keys. */
	public static ApprovalControlValue ofSelection(String type, List<String> optionKeys) {
		return new ApprovalControlValue(null, null, null, null,
				new SelectorValue(type, optionKeys.stream().map((key) -> new SelectorOption(key, null)).toList()), null,
				null, null, null, null, null, null, null);
	}

	/** The value of a member Contact control. */
	public static ApprovalControlValue ofMembers(List<Member> members) {
		return new ApprovalControlValue(null, null, null, null, null, members, null, null, null, null, null, null, null);
	}

	/** The value of a department Contact control. */
	public static ApprovalControlValue ofDepartments(List<Department> departments) {
		return new ApprovalControlValue(null, null, null, null, null, null, departments, null, null, null, null, null,
				null);
	}

	/** Files uploaded with media/upload, by media id. */
	public static ApprovalControlValue ofFiles(List<String> mediaIds) {
		return new ApprovalControlValue(null, null, null, null, null, null, null,
				mediaIds.stream().map(FileRef::new).toList(), null, null, null, null, null);
	}

	/** The rows of a table control. */
	public static ApprovalControlValue ofRows(List<TableRow> rows) {
		return new ApprovalControlValue(null, null, null, null, null, null, null, null, rows, null, null, null, null);
	}

	/** A date: {@code day} or {@code hour}, and the Unix time as a string. */
	public record DateValue(String type, String sTimestamp) {
	}

	/** Selected options. */
	public record SelectorValue(String type, List<SelectorOption> options) {
	}

	/** A selected option: its key, and (in answers) its texts. */
	public record SelectorOption(String key, List<LocalizedText> value) {
	}

	/** A member. */
	public record Member(String userid, String name) {
	}

	/** A department. */
	public record Department(String openapiId, String name) {
	}

	/** A file, by media id. */
	public record FileRef(String fileId) {
	}

	/** A row of a table: its controls. */
	public record TableRow(List<ApprovalContent> list) {
	}

	/** A period: {@code halfday} or {@code hour}, Unix seconds, duration in seconds. */
	public record DateRangeValue(String type, Long newBegin, Long newEnd, Long newDuration) {
	}

	/** A place. */
	public record LocationValue(String latitude, String longitude, String title, String address, Long time) {
	}

	/** A related application, by number. */
	public record RelatedApproval(String spNo) {
	}

	/** A formula's result. */
	public record FormulaValue(String value) {
	}

}

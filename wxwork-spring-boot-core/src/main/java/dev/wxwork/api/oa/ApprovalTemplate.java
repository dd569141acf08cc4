package dev.wxwork.api.oa;

import java.util.List;

/** An approval template as gettemplatedetail answers it (doc 91982). */
public record ApprovalTemplate(List<LocalizedText> templateNames, TemplateContent templateContent) {

	/** The template's controls, in form order. */
	public record TemplateContent(List<TemplateControl> controls) {
	}

	/** A control: what it is, and how it is configured. */
	public record TemplateControl(ControlProperty property, ControlConfig config) {
	}

	/**
	 * What a control is.
	 * @param control the kind: Text, Textarea, Number, Money, Date, Selector, Contact, Tips, File, Table,
	 * Attendance, Vacation, Location, RelatedApproval, Formula, DateRange, ...
	 * @param id the control's id, which an application's content names
	 * @param require 1 when the control must be filled in
	 * @param unPrint 1 when the control is left out of printouts
	 */
	public record ControlProperty(String control, String id, List<LocalizedText> title,
			List<LocalizedText> placeholder, Integer require, Integer unPrint) {
	}

	/** A control's configuration; only the part of its kind is present. */
	public record ControlConfig(DateConfig date, SelectorConfig selector, ContactConfig contact, TableConfig table) {
	}

	/** A date control: {@code day} or {@code hour}. */
	public record DateConfig(String type) {
	}

	/** A selector: {@code single} or {@code multi}, with its options. */
	public record SelectorConfig(String type, List<SelectorOption> options) {
	}

	/** An option: its key (what an application sends) and its texts. */
	public record SelectorOption(String key, List<LocalizedText> value) {
	}

	/** A member or department picker: {@code single} or {@code multi}, {@code user} or {@code department}. */
	public record ContactConfig(String type, String mode) {
	}

	/** A table: the controls of each row. */
	public record TableConfig(List<TemplateControl> children) {
	}

}

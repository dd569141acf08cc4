package dev.wxwork.api.oa;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** The Approval (审批) app: templates, applications and their status; call with the Approval app's secret or an app allowed to. */
@HttpExchange("/cgi-bin/oa")
public interface ApprovalApi {

	/** An approval template's controls, for building an application (doc 91982). */
	@WeComDoc("91982")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/gettemplatedetail")
	ApprovalTemplate getTemplateDetail(@RequestBody TemplateRef template);

	/** An approval template's controls (doc 91982). */
	@WeComDoc("91982")
	default ApprovalTemplate getTemplateDetail(String templateId) {
		return getTemplateDetail(new TemplateRef(templateId));
	}

	/** Submits an application on a member's behalf and answers its number (doc 91853). */
	@WeComDoc("91853")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/applyevent")
	SubmittedApplication applyEvent(@RequestBody ApprovalApplication application);

	/** One page of application numbers in a period of up to 31 days (doc 91816). */
	@WeComDoc("91816")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getapprovalinfo")
	ApprovalNumberPage getApprovalInfo(@RequestBody ApprovalNumberQuery query);

	/** Every application number the query matches, read page by page (doc 91816). */
	@WeComDoc("91816")
	default List<String> getAllApprovalNumbers(ApprovalNumberQuery query) {
		return Pages.byCursor((cursor) -> getApprovalInfo((cursor != null) ? query.withCursor(cursor) : query)).toList();
	}

	/** An application's content, status and approval steps (doc 91983). */
	@WeComDoc("91983")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getapprovaldetail")
	ApprovalDetail getApprovalDetail(@RequestBody ApprovalRef approval);

	/** An application's content, status and approval steps (doc 91983). */
	@WeComDoc("91983")
	default ApprovalDetail getApprovalDetail(String spNo) {
		return getApprovalDetail(new ApprovalRef(spNo));
	}

	/** A request body naming a template. */
	record TemplateRef(String templateId) {
	}

	/** A request body naming an application. */
	record ApprovalRef(String spNo) {
	}

	/** The answer of applyevent: the new application's number. */
	record SubmittedApplication(String spNo) {
	}

}

package dev.wxwork.api.invoice;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Electronic invoices members hand in for reimbursement (电子发票). */
@HttpExchange("/cgi-bin/card/invoice/reimburse")
public interface InvoiceApi {

	/** An invoice's details (doc 90284). */
	@WeComDoc("90284")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getinvoiceinfo")
	InvoiceInfo getInvoiceInfo(@RequestBody InvoiceRef invoice);

	/** Locks, unlocks or closes an invoice for reimbursement (doc 90285). */
	@WeComDoc("90285")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/updateinvoicestatus")
	void updateInvoiceStatus(@RequestBody InvoiceStatusUpdate update);

	/** Sets the reimbursement status of up to 100 invoices of one holder (doc 90286). */
	@WeComDoc("90286")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/updatestatusbatch")
	void updateStatusBatch(@RequestBody InvoiceStatusBatchUpdate update);

	/** The details of several invoices at once (doc 90287). */
	@WeComDoc("90287")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getinvoiceinfobatch")
	InvoiceInfoBatch getInvoiceInfoBatch(@RequestBody InvoiceRefs invoices);

	/** The details of several invoices at once (doc 90287). */
	@WeComDoc("90287")
	default List<InvoiceInfo> getInvoiceInfoBatch(List<InvoiceRef> invoices) {
		return getInvoiceInfoBatch(new InvoiceRefs(invoices)).itemList();
	}

	/** An invoice, by its card id and the encrypted code from the JS-SDK's chooseInvoice. */
	record InvoiceRef(String cardId, String encryptCode) {
	}

	/** A request body naming invoices. */
	record InvoiceRefs(List<InvoiceRef> itemList) {
	}

	/** The answer of getinvoiceinfobatch. */
	record InvoiceInfoBatch(List<InvoiceInfo> itemList) {
	}

	/** The body of updateinvoicestatus. */
	record InvoiceStatusUpdate(String cardId, String encryptCode, ReimburseStatus reimburseStatus) {
	}

	/** The body of updatestatusbatch: invoices of one holder ({@code openid}) and their new status. */
	record InvoiceStatusBatchUpdate(String openid, ReimburseStatus reimburseStatus, List<InvoiceRef> invoiceList) {
	}

}

package dev.wxwork.api.invoice;

/** An invoice's reimbursement status, named as WeCom names it (doc 90285). */
public enum ReimburseStatus {

	/** Not reimbursed: the holder may use it. */
	INVOICE_REIMBURSE_INIT,

	/** Locked while a reimbursement is under way. */
	INVOICE_REIMBURSE_LOCK,

	/** Reimbursed: final. */
	INVOICE_REIMBURSE_CLOSURE

}

package dev.wxwork.api.invoice;

import java.util.List;

/**
 * An invoice (doc 90284).
 * @param beginTime and {@code endTime}: the validity, in Unix seconds
 * @param openid the holder
 * @param type the invoice's type, such as 增值税电子普通发票
 * @param payee the seller
 */
public record InvoiceInfo(String cardId, Long beginTime, Long endTime, String openid, String type, String payee,
		String detail, UserInfo userInfo) {

	/**
	 * The invoice's content; amounts in fen (0.01 yuan).
	 * @param billingTime Unix seconds
	 * @param billingNo the invoice number, {@code billingCode} the invoice code
	 */
	public record UserInfo(Long fee, String title, Long billingTime, String billingNo, String billingCode,
			List<Item> info, Long feeWithoutTax, Long tax, String detail, String pdfUrl, String tripPdfUrl,
			String checkCode, String buyerNumber, String buyerAddressAndPhone, String buyerBankAccount,
			String sellerNumber, String sellerAddressAndPhone, String sellerBankAccount, String remarks,
			String cashier, String maker, ReimburseStatus reimburseStatus) {
	}

	/** A line of the invoice; {@code fee} and {@code price} in fen. */
	public record Item(String name, Long num, String unit, Long fee, Long price) {
	}

}

package dev.wxwork.api.invoice;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.invoice.InvoiceApi.InvoiceRef;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceApiTest {

	private static final String INVOICE = """
			{"card_id":"CARDID","begin_time":1536829011,"end_time":1536829011,"openid":"oV-gpwSU3xGkh-Phh4WMgc6_sA2Y",
			"type":"增值税电子普通发票","payee":"深圳市腾讯计算机系统有限公司","detail":"detail",
			"user_info":{"fee":4000,"title":"腾讯","billing_time":1536829011,"billing_no":"00000001",
			"billing_code":"144031800111","info":[{"name":"彩票","num":1,"unit":"张","fee":4000,"price":4000}],
			"fee_without_tax":3800,"tax":200,"detail":"项目","pdf_url":"pdf_url","trip_pdf_url":"trip_pdf_url",
			"reimburse_status":"INVOICE_REIMBURSE_INIT","check_code":"check_code","buyer_number":"buyer_number",
			"buyer_address_and_phone":"buyer_address_and_phone","buyer_bank_account":"buyer_bank_account",
			"seller_number":"seller_number","seller_address_and_phone":"seller_address_and_phone",
			"seller_bank_account":"seller_bank_account","remarks":"remarks","cashier":"cashier","maker":"maker"}}""";

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void getInvoiceInfoReadsTheInvoiceAndItsLines() {
		this.wecom.respond("/cgi-bin/card/invoice/reimburse/getinvoiceinfo",
				"{\"errcode\":0,\"errmsg\":\"ok\"," + INVOICE.substring(1));
		InvoiceInfo invoice = this.agent.invoices().getInvoiceInfo(new InvoiceRef("CARDID", "ENCRYPTCODE"));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/card/invoice/reimburse/getinvoiceinfo").bodyText()))
			.isEqualTo(json("{\"card_id\":\"CARDID\",\"encrypt_code\":\"ENCRYPTCODE\"}"));
		assertThat(invoice.payee()).isEqualTo("深圳市腾讯计算机系统有限公司");
		assertThat(invoice.userInfo().fee()).isEqualTo(4000L);
		assertThat(invoice.userInfo().feeWithoutTax()).isEqualTo(3800L);
		assertThat(invoice.userInfo().billingCode()).isEqualTo("144031800111");
		assertThat(invoice.userInfo().info()).containsExactly(new InvoiceInfo.Item("彩票", 1L, "张", 4000L, 4000L));
		assertThat(invoice.userInfo().buyerAddressAndPhone()).isEqualTo("buyer_address_and_phone");
		assertThat(invoice.userInfo().reimburseStatus()).isEqualTo(ReimburseStatus.INVOICE_REIMBURSE_INIT);
	}

	@Test
	void updatesTheStatusOfOneInvoiceAndOfABatch() {
		this.wecom.respond("/cgi-bin/card/invoice/reimburse/updateinvoicestatus", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.wecom.respond("/cgi-bin/card/invoice/reimburse/updatestatusbatch", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.invoices()
			.updateInvoiceStatus(
					new InvoiceApi.InvoiceStatusUpdate("CARDID", "ENCRYPTCODE", ReimburseStatus.INVOICE_REIMBURSE_LOCK));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/card/invoice/reimburse/updateinvoicestatus").bodyText()))
			.isEqualTo(json("""
					{"card_id":"CARDID","encrypt_code":"ENCRYPTCODE","reimburse_status":"INVOICE_REIMBURSE_LOCK"}"""));
		this.agent.invoices()
			.updateStatusBatch(new InvoiceApi.InvoiceStatusBatchUpdate("OPENID", ReimburseStatus.INVOICE_REIMBURSE_CLOSURE,
					List.of(new InvoiceRef("cardid_1", "encrypt_code_1"), new InvoiceRef("cardid_2", "encrypt_code_2"))));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/card/invoice/reimburse/updatestatusbatch").bodyText()))
			.isEqualTo(json("""
					{"openid":"OPENID","reimburse_status":"INVOICE_REIMBURSE_CLOSURE","invoice_list":[
					{"card_id":"cardid_1","encrypt_code":"encrypt_code_1"},
					{"card_id":"cardid_2","encrypt_code":"encrypt_code_2"}]}"""));
	}

	@Test
	void getInvoiceInfoBatchReadsEveryInvoice() {
		this.wecom.respond("/cgi-bin/card/invoice/reimburse/getinvoiceinfobatch",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"item_list\":[" + INVOICE + "," + INVOICE + "]}");
		List<InvoiceInfo> invoices = this.agent.invoices()
			.getInvoiceInfoBatch(List.of(new InvoiceRef("CARDID1", "ENCRYPTCODE1"), new InvoiceRef("CARDID2", "ENCRYPTCODE2")));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/card/invoice/reimburse/getinvoiceinfobatch").bodyText()))
			.isEqualTo(json("""
					{"item_list":[{"card_id":"CARDID1","encrypt_code":"ENCRYPTCODE1"},
					{"card_id":"CARDID2","encrypt_code":"ENCRYPTCODE2"}]}"""));
		assertThat(invoices).hasSize(2).allSatisfy((invoice) -> assertThat(invoice.cardId()).isEqualTo("CARDID"));
	}

}

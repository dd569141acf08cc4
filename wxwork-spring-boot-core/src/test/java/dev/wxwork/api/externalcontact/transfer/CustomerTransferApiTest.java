package dev.wxwork.api.externalcontact.transfer;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerTransferApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final CustomerTransferApi transfers = this.fixture.agent().customerTransfers();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void handsAnEmployedMembersCustomersOverWithAMessageAndReportsEachCustomer() {
		this.fixture.respond("transfer_customer", """
				"customer":[{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA","errcode":40096},
				{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB","errcode":0}]""");
		CustomerTransferApi.TransferAnswer answer = this.transfers.transfer(new CustomerTransferApi.Transfer("zhangsan",
				"lisi", List.of("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB"), "您好，您的服务已升级"));
		assertThat(this.fixture.sentBody("transfer_customer")).isEqualTo(json("""
				{"handover_userid":"zhangsan","takeover_userid":"lisi",
				 "external_userid":["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA","woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB"],
				 "transfer_success_msg":"您好，您的服务已升级"}"""));
		assertThat(answer.customer()).extracting(CustomerTransferApi.CustomerError::errcode).containsExactly(40096, 0);
		assertThat(answer.customer().get(1).externalUserid()).isEqualTo("woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB");
	}

	@Test
	void readsTheHandoverStateOfAnEmployedMembersCustomers() {
		this.fixture.respond("transfer_result", """
				"customer":[{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACCCC","status":1,"takeover_time":1588262400},
				{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACDDDD","status":2,"takeover_time":1588482400}],
				"next_cursor":"NEXT_CURSOR"
				""");
		CustomerTransferApi.ResultPage page = this.transfers
			.transferResult(new CustomerTransferApi.ResultQuery("zhangsan", "lisi", "CURSOR"));
		assertThat(this.fixture.sentBody("transfer_result")).isEqualTo(json("""
				{"handover_userid":"zhangsan","takeover_userid":"lisi","cursor":"CURSOR"}"""));
		assertThat(page.items()).extracting(CustomerTransferApi.CustomerHandover::status).containsExactly(1, 2);
		assertThat(page.items().get(1).takeoverTime()).isEqualTo(1588482400L);
		assertThat(page.nextCursor()).isEqualTo("NEXT_CURSOR");
	}

	@Test
	void walksEveryPageOfAHandoverState() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/transfer_result",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"customer\":[{\"external_userid\":\"w3\",\"status\":2}],\"next_cursor\":\"\"}"
						: "{\"errcode\":0,\"customer\":[{\"external_userid\":\"w1\",\"status\":1},"
								+ "{\"external_userid\":\"w2\",\"status\":1}],\"next_cursor\":\"C2\"}"));
		assertThat(this.transfers.transferResultAll("zhangsan", "lisi"))
			.extracting(CustomerTransferApi.CustomerHandover::externalUserid)
			.containsExactly("w1", "w2", "w3");
		assertThat(this.fixture.sentBodies("transfer_result")).containsExactly(
				json("{\"handover_userid\":\"zhangsan\",\"takeover_userid\":\"lisi\"}"),
				json("{\"handover_userid\":\"zhangsan\",\"takeover_userid\":\"lisi\",\"cursor\":\"C2\"}"));
	}

	@Test
	void walksEveryUnassignedCustomerOfMembersWhoLeft() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get_unassigned_list",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"info\":[{\"handover_userid\":\"wangwu\",\"external_userid\":\"w3\",\"dimission_time\":1550838571}],\"is_last\":true}"
						: "{\"errcode\":0,\"info\":[{\"handover_userid\":\"zhangsan\",\"external_userid\":\"woAJ2GCAAAd4uL12hdfsdasfd\",\"dimission_time\":1550838571},"
								+ "{\"handover_userid\":\"lisi\",\"external_userid\":\"w2\",\"dimission_time\":1550661468}],"
								+ "\"is_last\":false,\"next_cursor\":\"aSfwejksvhToiMMfFeIGZZ\"}"));
		List<CustomerTransferApi.UnassignedCustomer> all = this.transfers.unassignedAll().toList();
		assertThat(all).extracting(CustomerTransferApi.UnassignedCustomer::handoverUserid)
			.containsExactly("zhangsan", "lisi", "wangwu");
		assertThat(all.get(0).dimissionTime()).isEqualTo(1550838571L);
		assertThat(this.fixture.sentBodies("get_unassigned_list")).containsExactly(json("{\"page_size\":1000}"),
				json("{\"cursor\":\"aSfwejksvhToiMMfFeIGZZ\",\"page_size\":1000}"));
	}

	@Test
	void handsCustomersOfAMemberWhoLeftOverAndReadsTheState() {
		this.fixture.respond("resigned/transfer_customer", """
				"customer":[{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA","errcode":0}]""")
			.respond("resigned/transfer_result", """
					"customer":[{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA","status":1,"takeover_time":1588262400}],
					"next_cursor":"NEXT_CURSOR"
					""");
		CustomerTransferApi.TransferAnswer answer = this.transfers.transferResigned(
				CustomerTransferApi.Transfer.of("zhangsan", "lisi", List.of("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA")));
		CustomerTransferApi.ResultPage page = this.transfers
			.resignedTransferResult(new CustomerTransferApi.ResultQuery("zhangsan", "lisi", null));
		assertThat(answer.customer().get(0).errcode()).isZero();
		assertThat(page.items().get(0).takeoverTime()).isEqualTo(1588262400L);
		assertThat(this.fixture.sentBody("resigned/transfer_customer")).isEqualTo(json("""
				{"handover_userid":"zhangsan","takeover_userid":"lisi","external_userid":["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"]}"""));
		assertThat(this.fixture.sentBody("resigned/transfer_result"))
			.isEqualTo(json("{\"handover_userid\":\"zhangsan\",\"takeover_userid\":\"lisi\"}"));
	}

	@Test
	void handsGroupChatsOverAndReportsTheFailedOnes() {
		this.fixture.respond("groupchat/transfer", """
				"failed_chat_list":[{"chat_id":"wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA","errcode":90500,
				"errmsg":"the owner of this chat is not resigned"}]""")
			.respond("groupchat/onjob_transfer", "\"failed_chat_list\":[]");
		CustomerTransferApi.GroupChatTransfer transfer = new CustomerTransferApi.GroupChatTransfer(
				List.of("wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA", "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA"), "zhangsan");
		CustomerTransferApi.GroupChatTransferAnswer resigned = this.transfers.transferResignedGroupChats(transfer);
		CustomerTransferApi.GroupChatTransferAnswer employed = this.transfers.transferGroupChats(transfer);
		assertThat(this.fixture.sentBody("groupchat/transfer")).isEqualTo(json("""
				{"chat_id_list":["wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA","wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA"],"new_owner":"zhangsan"}"""));
		assertThat(this.fixture.sentBody("groupchat/onjob_transfer"))
			.isEqualTo(this.fixture.sentBody("groupchat/transfer"));
		assertThat(resigned.failedChatList()).singleElement().satisfies((failed) -> {
			assertThat(failed.chatId()).isEqualTo("wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA");
			assertThat(failed.errcode()).isEqualTo(90500);
			assertThat(failed.errmsg()).contains("not resigned");
		});
		assertThat(employed.failedChatList()).isEmpty();
	}

}

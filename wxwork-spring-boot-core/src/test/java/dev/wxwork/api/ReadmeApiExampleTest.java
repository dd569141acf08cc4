package dev.wxwork.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.contact.User;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Call WeCom" example of the README, as written there, against the stand-in. */
class ReadmeApiExampleTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void theReadmeExampleRuns() {
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"name\":\"张三\"}");
		this.wecom.respond("/cgi-bin/message/send",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}");
		this.wecom.respond("/cgi-bin/externalcontact/list",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"external_userid\":[\"wmA\",\"wmB\"]}");
		this.wecom.respond("/cgi-bin/externalcontact/get", """
				{"errcode":0,"errmsg":"ok","external_contact":{"external_userid":"wmA","name":"A"},
				 "follow_user":[{"userid":"zhangsan"}],"next_cursor":""}""");
		this.wecom.respond("/cgi-bin/user/list_id", """
				{"errcode":0,"errmsg":"ok","next_cursor":"","dept_user":[{"userid":"zhangsan","department":1}]}""");

		new Onboarding(StandInAgent.of(this.wecom, null), StandInAgent.of(this.wecom, 1000002L),
				StandInAgent.of(this.wecom, null))
			.welcome("zhangsan");

		assertThat(this.wecom.lastRequest("/cgi-bin/message/send").bodyText()).contains("Welcome, 张三")
			.contains("\"agentid\":1000002");
		assertThat(this.wecom.requests("/cgi-bin/externalcontact/get")).hasSize(2);
		assertThat(this.wecom.requests("/cgi-bin/user/list_id")).hasSize(1);
	}

	// From here on, the README's example (without its Spring annotations).
	static class Onboarding {

		private final WxWorkAgent contacts;   // the contacts-sync secret
		private final WxWorkAgent sales;      // a self-built app
		private final WxWorkAgent customers;  // the customer-contact secret

		Onboarding(WxWorkAgent contacts, WxWorkAgent sales, WxWorkAgent customers) {
			this.contacts = contacts;
			this.sales = sales;
			this.customers = customers;
		}

		void welcome(String userid) {
			User user = contacts.users().get(userid);
			SendResult sent = sales.messages().send(AppMessage.text("Welcome, " + user.name()).toUsers(userid).build());
			if (!sent.invalidUsers().isEmpty()) {
				// WeCom's "a|b" lists arrive as List<String>, empty when everyone got the message
			}
			customers.customers().list(userid).externalUserid()      // one page
				.forEach((id) -> customers.customers().getWithAllFollowUsers(id));  // every page of follow users
			contacts.users().listAllIds().forEach((entry) -> { /* walks the cursor for you */ });
		}

	}

}

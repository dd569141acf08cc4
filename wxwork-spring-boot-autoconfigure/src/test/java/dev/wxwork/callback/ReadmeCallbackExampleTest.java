package dev.wxwork.callback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.SysApprovalChangeEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.testing.WeComCallbackSender;

import static org.assertj.core.api.Assertions.assertThat;

/** The callback example of the README, exactly as written there, started and driven as WeCom would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = ReadmeCallbackExampleTest.App.class,
		properties = { "wxwork.corp-id=wwreadme", "wxwork.token-store=memory", "wxwork.agents.sales.agent-id=1000002",
				"wxwork.agents.sales.secret=unused", "wxwork.agents.sales.callback.token=readmetoken",
				"wxwork.agents.sales.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" })
class ReadmeCallbackExampleTest {

	static final List<String> handled = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	SalesCallbacks callbacks;

	@Test
	void theReadmeExampleStartsAndDispatches() {
		CallbackCrypto wecom = new CallbackCrypto("readmetoken", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
				"wwreadme");
		WeComCallbackSender sender = new WeComCallbackSender(
				"http://127.0.0.1:" + this.port + "/wxwork/sales/callback", wecom, "wwreadme");
		sender.send(sender.event("sys", "change_contact", "<ChangeType>create_user</ChangeType><UserID>lisi</UserID>"));
		sender.send(sender.event("zhangsan", "view", "<EventKey>https://example.com</EventKey>"));
		assertThat(handled).containsExactly("created lisi", "other view");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SalesCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "sales")
	static class SalesCallbacks {

		@OnMessage
		Reply echo(TextMessage message) {
			return Reply.text("echo: " + message.content());
		}

		@OnEvent(value = "change_contact", changeType = "create_user")
		void memberCreated(CreateUserEvent event, WxWorkAgent agent) {
			handled.add("created " + event.userId());
		}

		@OnEvent(async = true)
		void approvalChanged(SysApprovalChangeEvent event) {
			handled.add("approval");
		}

		@OnOtherCallbacks
		void other(CallbackMessage raw) {
			handled.add("other " + raw.get("Event"));
		}

	}

}

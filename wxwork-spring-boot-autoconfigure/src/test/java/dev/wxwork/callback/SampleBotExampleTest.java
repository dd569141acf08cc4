package dev.wxwork.callback;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.callback.event.ChangeContactEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DeleteUserEvent;
import dev.wxwork.callback.event.UpdateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.testing.WeComCallbackSender;

import static org.assertj.core.api.Assertions.assertThat;

/** The echo bot and member-change recorder of docs/callbacks.md, as a WeCom simulator drives them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SampleBotExampleTest.App.class,
		properties = { "wxwork.corp-id=wwsample", "wxwork.token-store=memory", "wxwork.agents.demo.agent-id=1000002",
				"wxwork.agents.demo.secret=unused", "wxwork.agents.demo.callback.token=sampletoken",
				"wxwork.agents.demo.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" })
class SampleBotExampleTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoCallbacks callbacks;

	@Test
	void echoesTextAndRecordsMemberChanges() {
		// the simulator's side: seal as WeCom does, POST, open the sealed reply
		CallbackCrypto wecom = new CallbackCrypto("sampletoken", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "wwsample");
		WeComCallbackSender sender = new WeComCallbackSender("http://127.0.0.1:" + this.port + "/wxwork/demo/callback",
				wecom, "wwsample");
		SealedMessage sealed = wecom.seal(sender.textMessage("zhangsan", "hi"));
		HttpResponse<String> response = sender.post(sealed.callbackQuery(), sealed.callbackXml("wwsample", 1000002L));
		assertThat(CallbackMessage.parse(wecom.openReply(response.body())).get("Content")).isEqualTo("echo: hi");

		sender.send(sender.event("sys", "change_contact",
				"<ChangeType>create_user</ChangeType><UserID>lisi</UserID><Name>李四</Name><Department>1,2</Department>"));
		sender.send(sender.event("sys", "change_contact", "<ChangeType>update_user</ChangeType><UserID>lisi</UserID><Mobile>1</Mobile>"));
		sender.send(sender.event("sys", "change_contact", "<ChangeType>delete_user</ChangeType><UserID>lisi</UserID>"));
		assertThat(this.callbacks.changes).containsExactly("create_user lisi", "update_user lisi", "delete_user lisi");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(DemoCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "demo")
	static class DemoCallbacks {

		final List<String> changes = new CopyOnWriteArrayList<>();

		@OnMessage
		Reply echo(TextMessage message) {
			return Reply.text("echo: " + message.content());
		}

		@OnEvent
		void memberChanged(ChangeContactEvent event) {
			if (event instanceof CreateUserEvent created) {
				this.changes.add("create_user " + created.userId());
			}
			else if (event instanceof UpdateUserEvent updated) {
				this.changes.add("update_user " + updated.userId());
			}
			else if (event instanceof DeleteUserEvent deleted) {
				this.changes.add("delete_user " + deleted.userId());
			}
		}

	}

}

package dev.wxwork.docs;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.test.AutoConfigureWeComStandIn;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

// The README's "Testing your WeCom code" example: the README shows the region below, character for
// character (with four spaces for each tab), which DocumentationSnippetsTest checks.
// tag::snippet[]
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"wxwork.corp-id=wwtest", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory",
		"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.secret=demo-secret",
		"wxwork.agents.demo.callback.token=demotoken",
		"wxwork.agents.demo.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" })
@AutoConfigureWeComStandIn         // WeCom on a random port, wxwork.api-base-url pointing at it
class WelcomeMessagesTest {

	@Autowired
	WeComStandIn wecom;

	@Autowired
	@Qualifier("demo")
	WxWorkAgent demo;

	@LocalServerPort
	int port;

	@Test
	void sendsAnAppMessage() {
		this.wecom.member("zhangsan", "张三");
		this.demo.messages().send(AppMessage.text("Welcome, 张三").toUsers("zhangsan").build());
		assertThat(this.wecom.sentMessagesTo("zhangsan")).singleElement().satisfies((message) -> {
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.content()).isEqualTo("Welcome, 张三");
			assertThat(message.agentId()).isEqualTo(1000002L);
		});
	}

	@Test
	void repliesToACallbackAndRefusesAForgedOne() {
		WeComCallbackSender sender = WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/demo/callback",
				"demotoken", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "wwtest");
		assertThat(sender.send(sender.text("lisi", "hello")).reply().content()).isEqualTo("echo: hello");
		assertThat(sender.sendWithBadSignature(sender.text("lisi", "forged")).status()).isEqualTo(400);
	}

	@Test
	void fetchesANewTokenAndRetriesWhenWeComSaysItExpired() {
		this.wecom.member("wangwu", "王五");
		int before = this.wecom.requests("/cgi-bin/message/send").size();
		this.wecom.failNext("/cgi-bin/message/send", 42001);        // the next send: "access_token expired"
		this.demo.messages().send(AppMessage.text("still here").toUsers("wangwu").build());
		List<RecordedRequest> sends = this.wecom.requests("/cgi-bin/message/send");
		assertThat(sends).hasSize(before + 2);                      // refused once, then sent again
		assertThat(sends.get(before + 1).param("access_token"))     // with a fresh token
			.isNotEqualTo(sends.get(before).param("access_token"));
		assertThat(this.wecom.sentMessagesTo("wangwu")).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "demo")
	static class EchoCallbacks {

		@OnMessage
		Reply echo(TextMessage message) {
			return Reply.text("echo: " + message.content());
		}

	}

}
// end::snippet[]

package dev.wxwork.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.wxwork.bot.BotTextMessage;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.WxWorkBot;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCallbackSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit's callback sender with {@code MockMvc} (no port) and its bot driver, against the
 * library's callback and bot endpoints: the kit's own crypto and the library's agree.
 */
class TestKitAgainstTheLibraryTest {

	static final String KEY = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

	@SpringBootTest(classes = MockMvcSender.App.class,
			properties = { "wxwork.corp-id=wwkit", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory",
					"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.secret=unused",
					"wxwork.agents.demo.callback.token=kittoken", "wxwork.agents.demo.callback.encoding-aes-key=" + KEY })
	@org.junit.jupiter.api.Nested
	class MockMvcSender {

		@Autowired
		WebApplicationContext context;

		@Autowired
		Callbacks callbacks;

		WeComCallbackSender wecom;

		@BeforeEach
		void sender() {
			this.wecom = WeComCallbackSender.of(MockMvcBuilders.webAppContextSetup(this.context).build(),
					"/wxwork/demo/callback", "kittoken", KEY, "wwkit");
			this.callbacks.received.clear();
		}

		@Test
		void verifiesTheUrlAndGetsTheTypedReply() {
			assertThat(this.wecom.verify("echo-42").body()).isEqualTo("echo-42");
			WeComCallbackSender.PassiveReply reply = this.wecom.send(this.wecom.text("zhangsan", "你好 <&>")).reply();
			assertThat(reply.msgType()).isEqualTo("text");
			assertThat(reply.content()).isEqualTo("echo: 你好 <&>");
			assertThat(reply.toUser()).isEqualTo("zhangsan");
			assertThat(this.wecom.send(this.wecom.createUser("lisi", "李四")).isEmptyReply()).isTrue();
			assertThat(this.callbacks.received).containsExactly("text 你好 <&>", "create_user lisi");
		}

		@Test
		void theHostileVariantsAreRefusedAndReachNoHandler() {
			WeComCallbackSender.CallbackResponse forged = this.wecom.sendWithBadSignature(this.wecom.text("eve", "forged"));
			WeComCallbackSender.CallbackResponse stale = this.wecom.sendStale(this.wecom.text("eve", "replayed"),
					Duration.ofHours(1));
			assertThat(forged.status()).isEqualTo(400);
			assertThat(stale.status()).isEqualTo(400);
			assertThat(this.callbacks.received).isEmpty();
		}

		@SpringBootConfiguration
		@EnableAutoConfiguration
		@Import(Callbacks.class)
		static class App {

		}

	}

	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = BotDriver.App.class,
			properties = { "wxwork.token-store=memory", "wxwork.bots.assistant.callback.token=bottoken",
					"wxwork.bots.assistant.callback.encoding-aes-key=" + KEY })
	@org.junit.jupiter.api.Nested
	class BotDriver {

		@org.springframework.boot.test.web.server.LocalServerPort
		int port;

		@Test
		void collectsTheStreamedAnswer() {
			WeComBotDriver bot = new WeComBotDriver(
					"http://127.0.0.1:" + this.port + "/wxwork/bots/assistant/callback", "bottoken", KEY);
			WeComBotDriver.Answer answer = bot.ask("zhangsan", "one two three four");
			assertThat(answer.content()).isEqualTo("one two three four ");
			assertThat(answer.streamId()).isNotEmpty();
			assertThat(answer.replies()).allSatisfy((reply) -> assertThat(reply.path("stream").path("id").asString())
				.isIn(answer.streamId(), ""));
		}

		@SpringBootConfiguration
		@EnableAutoConfiguration
		@Import(Assistant.class)
		static class App {

		}

	}

	@WxWorkCallback(agent = "demo")
	static class Callbacks {

		final List<String> received = new CopyOnWriteArrayList<>();

		@OnMessage
		Reply echo(TextMessage message) {
			this.received.add("text " + message.content());
			return Reply.text("echo: " + message.content());
		}

		@OnEvent(value = "change_contact", changeType = "create_user")
		void created(CreateUserEvent event) {
			this.received.add("create_user " + event.userId());
		}

	}

	@WxWorkBot("assistant")
	static class Assistant {

		@OnBotMessage
		Flux<String> answer(BotTextMessage text) {
			return Flux.fromArray(text.content().split(" ")).map((word) -> word + " ").delayElements(Duration.ofMillis(200));
		}

	}

}

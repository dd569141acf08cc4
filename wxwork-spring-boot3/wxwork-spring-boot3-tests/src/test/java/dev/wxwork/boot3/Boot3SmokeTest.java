package dev.wxwork.boot3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.SpringVersion;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.bot.BotTextMessage;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.WxWorkBot;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.test.AutoConfigureWeComStandIn;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.RecordedRequest;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.WxWorkWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spring Boot 3.5 application that keeps Boot 3.5's own Jackson 2 dependency management, with
 * {@code wxwork-spring-boot3-starter}, tested as a user would test it: with the Boot 3.5 test kit
 * ({@code wxwork-spring-boot3-test}). It sends app messages to the kit's WeCom stand-in (with injected
 * errcodes), posts to a group robot, receives sealed callbacks over a real port and through {@code MockMvc},
 * answers an AI bot in callback mode, and reports its health through Boot 3.5's Actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = Boot3SmokeTest.App.class,
		properties = { "wxwork.corp-id=wwboot3", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory",
				"wxwork.agents.sales.agent-id=1000002", "wxwork.agents.sales.secret=s3cr3t",
				"wxwork.agents.sales.callback.token=boot3token",
				"wxwork.agents.sales.callback.encoding-aes-key=" + Boot3SmokeTest.KEY,
				"wxwork.webhooks.ops.key=boot3-robot-key", "wxwork.bots.assistant.callback.token=bottoken",
				"wxwork.bots.assistant.callback.encoding-aes-key=" + Boot3SmokeTest.KEY,
				"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always" })
@AutoConfigureWeComStandIn
class Boot3SmokeTest {

	static final String KEY = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

	static final List<String> handled = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	WeComStandIn wecom;

	@Autowired
	WebhookStandIn robots;

	@Autowired
	@Qualifier("sales")
	WxWorkAgent sales;

	@Autowired
	@Qualifier("ops")
	WxWorkWebhook ops;

	@Autowired
	WebApplicationContext context;

	@Test
	void runsOnBoot35WithItsJackson2() throws Exception {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(SpringVersion.getVersion()).startsWith("6.2.");
		// the application's Jackson 2 and its annotations are Boot 3.5's own; the library's Jackson 3 (and the
		// annotations it needs) are relocated inside wxwork-spring-boot3-autoconfigure, and the test kit uses
		// that same relocated Jackson
		assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.19.");
		assertThat(com.fasterxml.jackson.annotation.JsonProperty.class.getProtectionDomain().getCodeSource()
			.getLocation().toString()).contains("jackson-annotations-2.19.");
		assertThat(ClassUtils.isPresent("tools.jackson.databind.JsonNode", null)).isFalse();
		assertThat(ClassUtils.isPresent("dev.wxwork.shaded.jackson.databind.json.JsonMapper", null)).isTrue();
		assertThat(WebhookStandIn.class.getMethod("posted").getGenericReturnType().getTypeName())
			.isEqualTo("java.util.List<dev.wxwork.shaded.jackson.databind.JsonNode>");
	}

	@Test
	void sendsAMessage() {
		this.wecom.member("zhangsan", "张三");
		SendResult sent = this.sales.messages()
			.send(AppMessage.text("hello from Boot 3.5").toUsers("zhangsan", "ghost").build());
		assertThat(sent.invalidUsers()).containsExactly("ghost");
		assertThat(this.wecom.sentMessagesTo("zhangsan")).singleElement().satisfies((message) -> {
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.content()).isEqualTo("hello from Boot 3.5");
			assertThat(message.agentId()).isEqualTo(1000002L);
		});
		assertThat(this.wecom.lastRequest("/cgi-bin/message/send").param("access_token")).isNotBlank();
	}

	@Test
	void fetchesANewTokenAndRetriesWhenWeComSaysItExpired() {
		this.wecom.member("wangwu", "王五");
		int before = this.wecom.requests("/cgi-bin/message/send").size();
		this.wecom.failNext("/cgi-bin/message/send", 42001);
		this.sales.messages().send(AppMessage.text("still here").toUsers("wangwu").build());
		List<RecordedRequest> sends = this.wecom.requests("/cgi-bin/message/send");
		assertThat(sends).hasSize(before + 2);
		assertThat(sends.get(before + 1).param("access_token")).isNotEqualTo(sends.get(before).param("access_token"));
		assertThat(this.wecom.sentMessagesTo("wangwu")).hasSize(1);
	}

	@Test
	void retriesABusyWeComForADuplicateCheckedSendButNotAFrequencyLimit() {
		this.wecom.member("zhaoliu", "赵六");
		int before = this.wecom.requests("/cgi-bin/message/send").size();
		this.wecom.failNext("/cgi-bin/message/send", -1);
		this.sales.messages().send(AppMessage.text("once").toUsers("zhaoliu").build());
		assertThat(this.wecom.requests("/cgi-bin/message/send")).hasSize(before + 2);
		assertThat(this.wecom.sentMessagesTo("zhaoliu")).hasSize(1);

		this.wecom.failNext("/cgi-bin/message/send", 45009);
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.sales.messages().send(AppMessage.text("later").toUsers("zhaoliu").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(45009);
				assertThat(ex.mayHaveTakenEffect()).isFalse();
			});
		assertThat(this.wecom.requests("/cgi-bin/message/send")).hasSize(before + 3);
		assertThat(this.wecom.sentMessagesTo("zhaoliu")).hasSize(1);
	}

	@Test
	void postsToAGroupRobot() {
		int before = this.robots.posted().size();
		this.ops.sendMarkdown("**deploy** done on Boot 3.5");
		assertThat(this.robots.posted()).hasSize(before + 1);
		assertThat(this.robots.posted().get(before).path("markdown").path("content").asString())
			.isEqualTo("**deploy** done on Boot 3.5");
	}

	@Test
	void receivesACallbackOverItsPortAndRepliesAndRefusesAForgedOne() {
		WeComCallbackSender sender = WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/sales/callback",
				"boot3token", KEY, "wwboot3");
		assertThat(sender.send(sender.createUser("lisi", "李四")).isEmptyReply()).isTrue();
		assertThat(handled).contains("created lisi");
		WeComCallbackSender.PassiveReply reply = sender.send(sender.text("zhangsan", "ping")).reply();
		assertThat(reply.content()).isEqualTo("echo: ping");
		assertThat(reply.toUser()).isEqualTo("zhangsan");
		assertThat(sender.sendWithBadSignature(sender.text("eve", "forged")).status()).isEqualTo(400);
		assertThat(handled).doesNotContain("text forged");
	}

	@Test
	void receivesACallbackThroughMockMvc() {
		WeComCallbackSender sender = WeComCallbackSender.of(MockMvcBuilders.webAppContextSetup(this.context).build(),
				"/wxwork/sales/callback", "boot3token", KEY, "wwboot3");
		assertThat(sender.verify("echo-35").body()).isEqualTo("echo-35");
		assertThat(sender.send(sender.text("lisi", "你好 <&>")).reply().content()).isEqualTo("echo: 你好 <&>");
	}

	@Test
	void answersAnAiBotInCallbackMode() {
		WeComBotDriver bot = new WeComBotDriver("http://127.0.0.1:" + this.port + "/wxwork/bots/assistant/callback",
				"bottoken", KEY);
		WeComBotDriver.Answer answer = bot.ask("zhangsan", "hi");
		assertThat(answer.finished()).isTrue();
		assertThat(answer.content()).isEqualTo("bot on Boot 3.5: hi");
	}

	@Test
	void reportsHealthThroughBoot35Actuator() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/wxwork")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).contains("\"apps\"").contains("\"sales\"");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ SalesCallbacks.class, Assistant.class })
	static class App {

	}

	@WxWorkCallback(agent = "sales")
	static class SalesCallbacks {

		@OnMessage
		Reply echo(TextMessage message) {
			handled.add("text " + message.content());
			return Reply.text("echo: " + message.content());
		}

		@OnEvent(value = "change_contact", changeType = "create_user")
		void memberCreated(CreateUserEvent event) {
			handled.add("created " + event.userId());
		}

	}

	@WxWorkBot("assistant")
	static class Assistant {

		@OnBotMessage
		String answer(BotTextMessage message) {
			return "bot on Boot 3.5: " + message.content();
		}

	}

}

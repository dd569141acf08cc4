package dev.wxwork.aot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkBotAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkWebhookAutoConfiguration;
import dev.wxwork.bot.BotTextMessage;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.WxWorkBot;
import dev.wxwork.bot.WxWorkBotClient;
import dev.wxwork.callback.CallbackEndpoint;
import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.CallbackResponse;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.callback.reply.TextReply;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.WxWorkWebhook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing over a context with apps, a callback class, a bot and a group robot; the
 * generated code is compiled and the context it describes is started, then a send, a callback and a
 * robot post go through it.
 */
@CompileWithForkedClassLoader
class WxWorkAotTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String ROBOT_KEY = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";

	static final List<String> handled = new CopyOnWriteArrayList<>();

	private final WeComStandIn wecom = StandInAgent.wecom().acceptSends("/cgi-bin/message/send");

	private final WebhookStandIn robots = new WebhookStandIn(ROBOT_KEY);

	@AfterEach
	void close() {
		this.wecom.close();
		this.robots.close();
	}

	@Test
	void theGeneratedContextStartsAndServes() {
		GenericWebApplicationContext source = context();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(source);
		source.registerBean(App.class);
		TestGenerationContext generation = new TestGenerationContext();
		var initializerName = new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
		generation.writeGeneratedContent();
		// hints for a native image: handler methods, what they bind and return, what Jackson reads
		RuntimeHints hints = generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Sales.class, "text")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Assistant.class, "answer")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TextMessage.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BotTextMessage.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TextReply.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(SendResult.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SendResult.class, "msgid")).accepts(hints);
		assertThat(RuntimeHintsPredicates.proxies()
			.forInterfaces(AopProxyUtils.completeJdkProxyInterfaces(dev.wxwork.api.appchat.AppChatApi.class)))
			.accepts(hints);
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			GenericWebApplicationContext aot = context();
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class, initializerName.reflectionName());
			initializer.initialize(aot);
			aot.refresh();
			try {
				serve(aot);
			}
			finally {
				aot.close();
			}
		});
	}

	private void serve(GenericWebApplicationContext context) {
		// an app's agent: a send
		context.getBean("sales", WxWorkAgent.class).messages().send(AppMessage.text("aot").toUsers("zhangsan").build());
		assertThat(this.wecom.deliveries("/cgi-bin/message/send")).singleElement()
			.satisfies((request) -> assertThat(request.bodyText()).contains("\"aot\""));
		// a callback to the handler method
		CallbackCrypto crypto = new CallbackCrypto("t", KEY, StandInAgent.CORP_ID);
		SealedMessage text = crypto.seal("<xml><ToUserName>" + StandInAgent.CORP_ID
				+ "</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType>text</MsgType><Content>hello aot</Content><MsgId>1</MsgId><AgentID>1000002</AgentID></xml>");
		CallbackEndpoint endpoint = context.getBean(CallbackEndpointRegistrar.class).endpoints().get("sales");
		CallbackResponse response = endpoint.receive(text.signature(), text.timestamp(), text.nonce(),
				text.callbackXml(StandInAgent.CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bodyText()).contains("<Encrypt>");
		assertThat(handled).containsExactly("hello aot");
		// a bot's client and a robot
		assertThat(context.getBeansOfType(WxWorkBotClient.class)).containsOnlyKeys("wxwork.bots.assistant");
		context.getBean("opsWebhook", WxWorkWebhook.class).sendMarkdown("**aot**");
		assertThat(this.robots.posted()).hasSize(1);
	}

	private GenericWebApplicationContext context() {
		GenericWebApplicationContext context = new GenericWebApplicationContext(new MockServletContext());
		TestPropertyValues
			.of("wxwork.corp-id=" + StandInAgent.CORP_ID, "wxwork.api-base-url=" + this.wecom.baseUrl(),
					"wxwork.token-store=memory", "wxwork.agents.sales.agent-id=1000002",
					"wxwork.agents.sales.secret=" + StandInAgent.SECRET, "wxwork.agents.sales.callback.token=t",
					"wxwork.agents.sales.callback.encoding-aes-key=" + KEY,
					"wxwork.agents.contacts.secret=" + StandInAgent.SECRET,
					"wxwork.bots.assistant.callback.token=bottoken",
					"wxwork.bots.assistant.callback.encoding-aes-key=" + KEY,
					"wxwork.webhooks.ops.url=" + this.robots.address(ROBOT_KEY))
			.applyTo(context);
		return context;
	}

	@ImportAutoConfiguration({ WebMvcAutoConfiguration.class, WxWorkAutoConfiguration.class,
			WxWorkCallbackAutoConfiguration.class, WxWorkBotAutoConfiguration.class,
			WxWorkWebhookAutoConfiguration.class })
	@org.springframework.context.annotation.Import({ Sales.class, Assistant.class })
	public static class App {

	}

	@WxWorkCallback(agent = "sales")
	public static class Sales {

		@OnMessage
		public Reply text(TextMessage message) {
			handled.add(message.content());
			return Reply.text("got " + message.content());
		}

	}

	@WxWorkBot("assistant")
	public static class Assistant {

		@OnBotMessage
		public String answer(BotTextMessage text) {
			return "echo " + text.content();
		}

	}

}

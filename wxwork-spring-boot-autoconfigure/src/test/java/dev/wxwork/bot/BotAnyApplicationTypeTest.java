package dev.wxwork.bot;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.WebApplicationContext;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkBotAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkConfigurationException;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;
import dev.wxwork.test.WeComBotServerStandIn.Frame;
import dev.wxwork.testing.RedisServer;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A long-connection bot dials out and needs no inbound endpoint, so it works in an application that is
 * not a servlet web application: a worker ({@link WebApplicationType#NONE}) and a reactive one. A bot
 * with callback settings cannot be served there, and fails the startup naming the property.
 */
class BotAnyApplicationTypeTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private WeComBotServerStandIn wecom;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.wecom = WeComBotServerStandIn.start().bot("aib-1", "bot-secret-value");
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.wecom.close();
	}

	@Test
	void answersOverTheLongConnectionInANonWebApplicationHoldingTheLeaseInRedis() {
		RedisServer redis = RedisServer.start();
		try {
			this.context = nonWeb().run("--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
					"--wxwork.bots.assistant.bot-id=aib-1", "--wxwork.bots.assistant.secret=bot-secret-value",
					"--wxwork.bots.assistant.ws-url=" + this.wecom.url());
			assertThat(this.context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(this.context.getBeanNamesForType(BotHandlerMapping.class)).isEmpty();
			BotEndpointRegistrar registrar = this.context.getBean(BotEndpointRegistrar.class);
			assertThat(registrar.connectionHolders()).containsOnlyKeys("assistant");
			awaitSubscribed(this.context);
			assertThat(redis.cli("EXISTS", "wxwork:bot-connection:{assistant}")).isEqualTo("1");
			assertStreamsTheEcho();
			WxWorkBotClient client = this.context.getBean("wxwork.bots.assistant", WxWorkBotClient.class);
			client.sendMarkdown("zhangsan", "**done**");
			List<Frame> sends = this.wecom.frames((frame) -> frame.inbound() && "aibot_send_msg".equals(frame.command()));
			assertThat(sends).hasSize(1);
			assertThat(sends.get(0).body().at("/markdown/content").asString()).isEqualTo("**done**");
			this.context.close();
			this.context = null;
			await("the close", WAIT, () -> !this.wecom.frames(Frame::isClose).isEmpty());
			assertThat(this.wecom.frames(Frame::isClose).get(0).closeCode()).isEqualTo(1000);
			// released on shutdown, so that a standby may take over at once
			assertThat(redis.cli("EXISTS", "wxwork:bot-connection:{assistant}")).isEqualTo("0");
		}
		finally {
			redis.stop();
		}
	}

	@Test
	void answersOverTheLongConnectionInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, WxWorkBotAutoConfiguration.class))
			.withUserConfiguration(Assistant.class)
			.withPropertyValues("wxwork.token-store=memory", "wxwork.bots.assistant.bot-id=aib-1",
					"wxwork.bots.assistant.secret=bot-secret-value", "wxwork.bots.assistant.ws-url=" + this.wecom.url())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(BotHandlerMapping.class);
				assertThat(context.getSourceApplicationContext()).isNotInstanceOf(WebApplicationContext.class);
				awaitSubscribed(context);
				assertStreamsTheEcho();
				assertThat(context).hasBean("wxwork.bots.assistant");
			});
		await("the close", WAIT, () -> !this.wecom.frames(Frame::isClose).isEmpty());
	}

	@Test
	void failsInANonWebApplicationForABotInCallbackMode() {
		assertThatExceptionOfType(WxWorkConfigurationException.class)
			.isThrownBy(() -> this.context = nonWeb().run("--wxwork.token-store=memory", "--wxwork.bots.assistant.callback.token=t",
					"--wxwork.bots.assistant.callback.encoding-aes-key=" + KEY))
			.withMessageContaining("wxwork.bots.assistant.callback.token is set")
			.withMessageContaining("/wxwork/bots/assistant/callback")
			.withMessageContaining("not a servlet web application")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY));
	}

	@Test
	void failsInANonWebApplicationForABotInBothModesBeforeConnecting() {
		assertThatExceptionOfType(WxWorkConfigurationException.class)
			.isThrownBy(() -> this.context = nonWeb().run("--wxwork.token-store=memory", "--wxwork.bots.assistant.callback.token=t",
					"--wxwork.bots.assistant.callback.encoding-aes-key=" + KEY, "--wxwork.bots.assistant.bot-id=aib-1",
					"--wxwork.bots.assistant.secret=bot-secret-value",
					"--wxwork.bots.assistant.ws-url=" + this.wecom.url()))
			.withMessageContaining("wxwork.bots.assistant.callback.token is set")
			.withMessageContaining("long-connection mode only");
		assertThat(this.wecom.frames((frame) -> true)).isEmpty();
	}

	@Test
	void failsInAReactiveApplicationForABotInCallbackMode() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, WxWorkBotAutoConfiguration.class))
			.withUserConfiguration(Assistant.class)
			.withPropertyValues("wxwork.token-store=memory", "wxwork.bots.assistant.callback.token=t",
					"wxwork.bots.assistant.callback.encoding-aes-key=" + KEY)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(WxWorkConfigurationException.class)
				.hasMessageContaining("wxwork.bots.assistant.callback.token is set")
				.hasMessageContaining("reactive (WebFlux)"));
	}

	private static SpringApplication nonWeb() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	private void assertStreamsTheEcho() {
		WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(this.wecom, "aib-1").deadline(WAIT).ask("zhangsan", "hi");
		assertThat(answer.content()).isEqualTo("echo: hi");
		assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
		assertThat(answer.finished()).isTrue();
	}

	// subscribed at the stand-in and, once its ack arrived, at the client too: only then may it send
	private void awaitSubscribed(ApplicationContext context) {
		await("subscribed", WAIT, () -> this.wecom.isSubscribed("aib-1"));
		BotLongConnection connection = context.getBean(BotEndpointRegistrar.class).connections().get("assistant");
		await("the subscription acknowledged", WAIT, connection::isConnected);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Assistant.class)
	static class App {

	}

	@WxWorkBot("assistant")
	static class Assistant {

		@OnBotMessage
		Flux<String> echo(BotTextMessage text) {
			return Flux.just("echo: ", text.content());
		}

	}

}

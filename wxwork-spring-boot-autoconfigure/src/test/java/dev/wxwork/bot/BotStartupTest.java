package dev.wxwork.bot;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkBotAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkConfigurationException;
import dev.wxwork.autoconfigure.WxWorkProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Bot settings and handler signatures are checked once, at startup, with messages that say what to fix. */
class BotStartupTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WxWorkAutoConfiguration.class,
				WxWorkBotAutoConfiguration.class))
		.withPropertyValues("wxwork.token-store=memory", "wxwork.bots.helper.callback.token=t",
				"wxwork.bots.helper.callback.encoding-aes-key=" + KEY);

	@Test
	void findsEveryHandlerOnceWithTypesInferredFromTheParameters() {
		this.runner.withUserConfiguration(Good.class).run((context) -> {
			assertThat(context).hasNotFailed();
			BotEndpointRegistrar registrar = context.getBean(BotEndpointRegistrar.class);
			assertThat(registrar.endpoints()).containsOnlyKeys("helper");
			assertThat(registrar.dispatchers().get("helper").toString()).isEqualTo(
					"BotDispatcher[event enter_chat, event feedback_event, message file, message text, message voice]"
							+ " + other callbacks");
		});
	}

	@Test
	void doesNotNameTheHandlerBeanAfterTheBot() {
		// a bean named "helper" would clash with the bot's own bean or an app of that name
		this.runner.withUserConfiguration(Good.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.containsBean("helper")).isFalse();
			assertThat(context).hasSingleBean(GoodBot.class);
		});
	}

	@Test
	void keepsStreamsInMemoryWithoutRedis() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withUserConfiguration(Good.class)
			.run((context) -> assertThat(context).hasSingleBean(MemoryBotStreamStore.class));
	}

	@Test
	void namesThePropertiesOfABotThatIsNotConfigured() {
		this.runner.withUserConfiguration(Unconfigured.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidBotHandlerException.class)
				.hasMessageContaining("@WxWorkBot(\"nobody\") on " + Unconfigured.class.getName())
				.hasMessageContaining("wxwork.bots.nobody.callback.token")
				.hasMessageContaining("wxwork.bots.nobody.bot-id");
		});
	}

	@Test
	void namesEveryMisconfiguredPropertyWithoutShowingSecrets() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WxWorkBotAutoConfiguration.class))
			.withPropertyValues("wxwork.bots.a.callback.token=token-a",
					"wxwork.bots.a.callback.encoding-aes-key=short-secret-key", "wxwork.bots.b.bot-id=aib123",
					"wxwork.bots.c.callback.token=only-token", "wxwork.bots.d.ws-url=https://openws.example",
					"wxwork.bots.d.bot-id=x", "wxwork.bots.d.secret=verysecret", "wxwork.bots.e.error-text=",
					"wxwork.bots.e.bot-id=y", "wxwork.bots.e.secret=s3cr3t")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(WxWorkConfigurationException.class)
					.hasMessageContaining("wxwork.bots.a.callback.encoding-aes-key must be 43 characters")
					.hasMessageContaining("wxwork.bots.b.bot-id and wxwork.bots.b.secret must be set together")
					.hasMessageContaining("wxwork.bots.c.callback.token and wxwork.bots.c.callback.encoding-aes-key must be set together")
					.hasMessageContaining("wxwork.bots.d.ws-url must be a ws:// or wss:// URL")
					.hasMessageContaining("wxwork.bots.e.error-text must not be blank")
					.message()
					.doesNotContain("short-secret-key", "verysecret", "s3cr3t", "token-a", "only-token");
			});
	}

	@Test
	void keepsSecretsOutOfToString() {
		WxWorkProperties.Bot bot = new WxWorkProperties.Bot();
		bot.setBotId("aib1");
		bot.setSecret("the-bot-secret");
		bot.getCallback().setToken("the-token");
		bot.getCallback().setEncodingAesKey(KEY);
		assertThat(bot.toString()).contains("aib1").doesNotContain("the-bot-secret", "the-token", KEY);
	}

	@Test
	void refusesAHandlerReturningWhatIsNoReply() {
		assertInvalid(ReturnsList.class, "ReturnsListBot.answer(BotTextMessage) cannot work: it returns java.util.List");
	}

	@Test
	void refusesAFeedbackHandlerThatReplies() {
		assertInvalid(FeedbackReplies.class, "it returns java.lang.String (WeCom accepts only an empty answer to feedback_event)");
	}

	@Test
	void refusesAStreamHandleTogetherWithAReturnedAnswer() {
		assertInvalid(StreamAndReturn.class, "it takes a BotStream, so its answer is what it pushes there, but it returns String");
	}

	@Test
	void refusesAnEventTypeUnderOnBotMessage() {
		assertInvalid(EventAsMessage.class, "BotEnterChatEvent is an event: use @OnBotEvent");
	}

	@Test
	void refusesTwoHandlersOfOneType() {
		assertInvalid(TwoTextHandlers.class, "has two handlers for message text");
	}

	@Test
	void refusesAnUnknownParameter() {
		assertInvalid(UnknownParameter.class, "parameter 2 is a java.lang.Integer");
	}

	private void assertInvalid(Class<?> handlers, String message) {
		this.runner.withUserConfiguration(handlers).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidBotHandlerException.class)
				.hasMessageContaining(message);
		});
	}

	@Import(GoodBot.class)
	static class Good {

	}

	@WxWorkBot("helper")
	static class GoodBot {

		@OnBotMessage
		Flux<String> text(BotTextMessage text) {
			return Flux.just(text.content());
		}

		@OnBotMessage
		Iterator<String> voice(BotCallback callback, BotVoiceMessage voice) {
			return List.of(voice.content()).iterator();
		}

		@OnBotMessage("file")
		void file(BotStream stream) {
			stream.complete();
		}

		@OnBotEvent
		BotReply welcome(BotEnterChatEvent event) {
			return BotReply.text("hi");
		}

		@OnBotEvent
		void feedback(BotFeedbackEvent event) {
		}

		@OnOtherBotCallbacks
		String other(BotCallback callback) {
			return "?";
		}

	}

	@Import(UnconfiguredBot.class)
	static class Unconfigured {

	}

	@WxWorkBot("nobody")
	static class UnconfiguredBot {

		@OnBotMessage
		String text(BotTextMessage text) {
			return "";
		}

	}

	@Import(ReturnsListBot.class)
	static class ReturnsList {

	}

	@WxWorkBot("helper")
	static class ReturnsListBot {

		@OnBotMessage
		List<String> answer(BotTextMessage text) {
			return List.of();
		}

	}

	@Import(FeedbackRepliesBot.class)
	static class FeedbackReplies {

	}

	@WxWorkBot("helper")
	static class FeedbackRepliesBot {

		@OnBotEvent
		String feedback(BotFeedbackEvent event) {
			return "thanks";
		}

	}

	@Import(StreamAndReturnBot.class)
	static class StreamAndReturn {

	}

	@WxWorkBot("helper")
	static class StreamAndReturnBot {

		@OnBotMessage
		String text(BotTextMessage text, BotStream stream) {
			return "both";
		}

	}

	@Import(EventAsMessageBot.class)
	static class EventAsMessage {

	}

	@WxWorkBot("helper")
	static class EventAsMessageBot {

		@OnBotMessage
		String enter(BotEnterChatEvent event) {
			return "hi";
		}

	}

	@Import({ GoodBot.class, SecondTextBot.class })
	static class TwoTextHandlers {

	}

	@WxWorkBot("helper")
	static class SecondTextBot {

		@OnBotMessage("text")
		String again(BotCallback callback) {
			return "";
		}

	}

	@Import(UnknownParameterBot.class)
	static class UnknownParameter {

	}

	@WxWorkBot("helper")
	static class UnknownParameterBot {

		@OnBotMessage
		String text(BotTextMessage text, Integer number) {
			return "";
		}

	}

}

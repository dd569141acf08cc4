package dev.wxwork.callback;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.callback.event.ChangeContactEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.ScanCodeEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.message.WxWorkMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.callback.reply.TextReply;

import static org.assertj.core.api.Assertions.assertThat;

/** Handler signatures and app settings are checked once, at startup, with messages that say what to fix. */
class CallbackHandlerStartupTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WxWorkAutoConfiguration.class,
				WxWorkCallbackAutoConfiguration.class))
		.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.token-store=memory", "wxwork.agents.demo.secret=s",
				"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.callback.token=t",
				"wxwork.agents.demo.callback.encoding-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
				"wxwork.agents.plain.secret=s2");

	@Test
	void registersOneEndpointPerAppWithTypeInferredFromTheParameters() {
		this.runner.withUserConfiguration(Good.class).run((context) -> {
			assertThat(context).hasNotFailed();
			CallbackEndpointRegistrar registrar = context.getBean(CallbackEndpointRegistrar.class);
			assertThat(registrar.endpoints()).containsOnlyKeys("demo");
			assertThat(registrar.endpoints().get("demo").toString()).contains("MsgType text", "Event change_contact",
					"Event scancode_push", "Event scancode_waitmsg", "Event change_contact / ChangeType create_user");
		});
	}

	@Test
	void staysAwayFromApplicationsWithoutSpringMvc() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, WxWorkCallbackAutoConfiguration.class))
			.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.token-store=memory", "wxwork.agents.demo.secret=s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CallbackHandlerMapping.class);
				assertThat(context).doesNotHaveBean(CallbackEndpointRegistrar.class);
			});
	}

	@Test
	void servesSeveralAppsAtSeveralPaths() {
		this.runner.withUserConfiguration(Good.class, SecondApp.class)
			.withPropertyValues("wxwork.agents.second.secret=s3", "wxwork.agents.second.callback.token=t2",
					"wxwork.agents.second.callback.encoding-aes-key=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq")
			.run((context) -> {
				assertThat(context.getBean(CallbackEndpointRegistrar.class).endpoints()).containsOnlyKeys("demo", "second");
				CallbackHandlerMapping mapping = context.getBean(CallbackHandlerMapping.class);
				assertThat(mapping.getHandlerMap()).containsOnlyKeys("/wxwork/demo/callback", "/hooks/second");
			});
	}

	@Test
	void choosesTheDeduplicationStoreOnItsOwnNotByTheTokenStore() {
		this.runner.withUserConfiguration(Good.class)
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).getBean(CallbackDeduplicator.class)
				.isInstanceOf(MemoryCallbackDeduplicator.class));
		// the runner sets wxwork.token-store=memory: deduplication still uses the application's Redis
		this.runner.withUserConfiguration(Good.class)
			.withBean(RedisConnectionFactory.class, LettuceConnectionFactory::new)
			.run((context) -> assertThat(context).getBean(CallbackDeduplicator.class)
				.isInstanceOf(RedisCallbackDeduplicator.class));
		this.runner.withUserConfiguration(Good.class)
			.withBean(RedisConnectionFactory.class, LettuceConnectionFactory::new)
			.withPropertyValues("wxwork.token-store=redis", "wxwork.callback.deduplication=memory")
			.run((context) -> {
				assertThat(context).getBean(CallbackDeduplicator.class).isInstanceOf(MemoryCallbackDeduplicator.class);
				assertThat(context).getBean(dev.wxwork.token.AccessTokenStore.class)
					.isInstanceOf(dev.wxwork.token.RedisAccessTokenStore.class);
			});
		this.runner.withUserConfiguration(Good.class)
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("wxwork.callback.deduplication=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.callback.deduplication is 'redis' but the application has no RedisConnectionFactory"));
	}

	@Test
	void refusesADeduplicationWindowShorterThanTwiceTheTimestampTolerance() {
		this.runner.withUserConfiguration(Good.class)
			.withPropertyValues("wxwork.callback.deduplication-window=3s", "wxwork.callback.timestamp-tolerance=5m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.callback.deduplication-window (PT3S) must be at least twice "
						+ "wxwork.callback.timestamp-tolerance (PT5M)"));
		this.runner.withUserConfiguration(Good.class)
			.withPropertyValues("wxwork.callback.deduplication-window=10m", "wxwork.callback.timestamp-tolerance=5m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesAParameterItCannotSupply() {
		assertFailure(BadParameter.class, "BadParameter.Handlers.echo(TextMessage, String)", "parameter 2 is a java.lang.String",
				"may take, in any order");
	}

	@Test
	void refusesAStaticHandlerWithAMessageInsteadOfAClassCastException() {
		assertFailure(StaticHandler.class, "StaticHandler.Handlers.echo(TextMessage)",
				"it is static; a handler is an instance method of its @WxWorkCallback bean");
	}

	@Test
	void refusesAReturnTypeThatIsNoReply() {
		assertFailure(BadReturn.class, "BadReturn.Handlers.echo(TextMessage)", "it returns java.lang.String");
	}

	@Test
	void refusesAnAsyncHandlerThatReturnsAReply() {
		assertFailure(AsyncWithReply.class, "AsyncWithReply.Handlers.echo(TextMessage)", "async", "returns TextReply");
	}

	@Test
	void refusesTwoHandlersOfOneType() {
		assertFailure(TwoTextHandlers.class, "two handlers for MsgType text", "TwoTextHandlers.Handlers.");
	}

	@Test
	void refusesAMessageTypeUnderOnEvent() {
		assertFailure(MessageUnderOnEvent.class, "MessageUnderOnEvent.Handlers.echo(TextMessage)", "a message: use @OnMessage");
	}

	@Test
	void refusesAParameterThatOnlySomeChangeTypesOfTheEventFit() {
		assertFailure(NarrowFamily.class, "NarrowFamily.Handlers.created(CreateUserEvent)",
				"Event change_contact also brings", "which is not a CreateUserEvent", "name the ChangeType");
	}

	@Test
	void refusesAHandlerWhoseTypeCannotBeInferred() {
		assertFailure(Uninferable.class, "Uninferable.Handlers.any(WxWorkMessage)", "use @OnOtherCallbacks");
		assertFailure(NothingToInferFrom.class, "NothingToInferFrom.Handlers.raw(CallbackMessage)", "names no MsgType");
	}

	@Test
	void refusesAnAppWithoutCallbackSettingsNamingTheProperties() {
		assertFailure(PlainApp.class, "@WxWorkCallback(agent = \"plain\")", "wxwork.agents.plain.callback.token",
				"wxwork.agents.plain.callback.encoding-aes-key");
		assertFailure(UnknownApp.class, "@WxWorkCallback(agent = \"nobody\")", "wxwork.agents.nobody.secret");
	}

	private void assertFailure(Class<?> configuration, String... messageParts) {
		this.runner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (!(cause instanceof InvalidCallbackHandlerException) && cause.getCause() != null) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(InvalidCallbackHandlerException.class);
			assertThat(cause.getMessage()).contains(messageParts);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@Import(Good.Handlers.class)
	static class Good {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			Reply echo(WxWorkAgent agent, TextMessage message, CallbackMessage raw) {
				return null;
			}

			@OnEvent
			void anyContactChange(ChangeContactEvent event) {
			}

			@OnEvent
			void created(CreateUserEvent event) {
			}

			@OnEvent
			void scanned(ScanCodeEvent event) {
			}

			@OnOtherCallbacks
			void other(CallbackMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(SecondApp.Handlers.class)
	static class SecondApp {

		@WxWorkCallback(agent = "second", path = "/hooks/second")
		static class Handlers {

			@OnOtherCallbacks
			void any(CallbackMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(BadParameter.Handlers.class)
	static class BadParameter {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			void echo(TextMessage message, String extra) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(StaticHandler.Handlers.class)
	static class StaticHandler {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			static Reply echo(TextMessage message) {
				return Reply.text(message.content());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(BadReturn.Handlers.class)
	static class BadReturn {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			String echo(TextMessage message) {
				return "";
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AsyncWithReply.Handlers.class)
	static class AsyncWithReply {

		@WxWorkCallback(agent = "demo", async = true)
		static class Handlers {

			@OnMessage
			TextReply echo(TextMessage message) {
				return null;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(TwoTextHandlers.Handlers.class)
	static class TwoTextHandlers {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			void first(TextMessage message) {
			}

			@OnMessage("text")
			void second(CallbackMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(MessageUnderOnEvent.Handlers.class)
	static class MessageUnderOnEvent {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnEvent
			void echo(TextMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(NarrowFamily.Handlers.class)
	static class NarrowFamily {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnEvent("change_contact")
			void created(CreateUserEvent event) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Uninferable.Handlers.class)
	static class Uninferable {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			void any(WxWorkMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(NothingToInferFrom.Handlers.class)
	static class NothingToInferFrom {

		@WxWorkCallback(agent = "demo")
		static class Handlers {

			@OnMessage
			void raw(CallbackMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(PlainApp.Handlers.class)
	static class PlainApp {

		@WxWorkCallback(agent = "plain")
		static class Handlers {

			@OnOtherCallbacks
			void any(CallbackMessage message) {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(UnknownApp.Handlers.class)
	static class UnknownApp {

		@WxWorkCallback(agent = "nobody")
		static class Handlers {

			@OnOtherCallbacks
			void any(CallbackMessage message) {
			}

		}

	}

}

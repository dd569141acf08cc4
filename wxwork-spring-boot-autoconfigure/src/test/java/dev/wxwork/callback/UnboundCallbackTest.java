package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.callback.event.LocationEvent;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callback whose typed record does not bind reaches {@code @OnOtherCallbacks} or the application's
 * {@link CallbackErrorHandler} with the raw message, and is never counted as handled when nothing took it.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnboundCallbackTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WxWorkAutoConfiguration.class,
				WxWorkCallbackAutoConfiguration.class))
		.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.token-store=memory", "wxwork.agents.demo.secret=s",
				"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.callback.token=t",
				"wxwork.agents.demo.callback.encoding-aes-key=" + KEY);

	@Test
	void withNothingToTakeItIsLoggedAtErrorAndCountedAsUnhandled(CapturedOutput output) {
		this.runner.withBean(TypedOnly.class).run((context) -> {
			CallbackResponse response = receive(context, unboundLocation());
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.outcome()).isEqualTo("unhandled");
			assertThat(context.getBean(TypedOnly.class).received).isEmpty();
			assertThat(output).contains("did not bind to LocationEvent at [Latitude], and no handler takes it")
				.doesNotContain("north-ish");
		});
	}

	@Test
	void theCatchAllGetsTheRawMessage() {
		this.runner.withBean(WithCatchAll.class).run((context) -> {
			CallbackResponse response = receive(context, unboundLocation());
			assertThat(response.outcome()).isEqualTo("acknowledged");
			assertThat(context.getBean(WithCatchAll.class).other).singleElement()
				.satisfies((message) -> assertThat(message.get("Latitude")).isEqualTo("north-ish"));
		});
	}

	@Test
	void theApplicationsErrorHandlerGetsTheRawMessageAndAFailureOfItMakesWeComRetry() {
		List<FailedCallback> failures = new CopyOnWriteArrayList<>();
		this.runner.withBean(TypedOnly.class)
			.withBean(CallbackErrorHandler.class, () -> failures::add)
			.run((context) -> {
				CallbackResponse response = receive(context, unboundLocation());
				assertThat(response.outcome()).isEqualTo("acknowledged");
				assertThat(failures).singleElement().satisfies((failure) -> {
					assertThat(failure.agentName()).isEqualTo("demo");
					assertThat(failure.message().get("Latitude")).isEqualTo("north-ish");
					assertThat(failure.identity()).isEqualTo(failure.message().identity());
					assertThat(failure.cause()).isInstanceOf(CallbackBindingException.class)
						.hasMessageContaining("LocationEvent at [Latitude]");
				});
			});
		this.runner.withBean(TypedOnly.class).withBean(CallbackErrorHandler.class, () -> (failure) -> {
			throw new IllegalStateException("the dead-letter table is down");
		}).run((context) -> assertThat(receive(context, unboundLocation()).status()).isEqualTo(500));
	}

	private static String unboundLocation() {
		return "<xml><ToUserName>wwcorp</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>"
				+ Instant.now().getEpochSecond() + "</CreateTime><MsgType>event</MsgType><Event>LOCATION</Event>"
				+ "<Latitude>north-ish</Latitude><Longitude>113.3</Longitude><AgentID>1000002</AgentID></xml>";
	}

	private static CallbackResponse receive(ApplicationContext context, String xml) {
		SealedMessage sealed = new CallbackCrypto("t", KEY, "wwcorp").seal(xml);
		return context.getBean(CallbackEndpointRegistrar.class).endpoints().get("demo").receive(sealed.signature(),
				sealed.timestamp(), sealed.nonce(), sealed.callbackXml("wwcorp", 1000002L).getBytes(StandardCharsets.UTF_8));
	}

	@WxWorkCallback(agent = "demo")
	static class TypedOnly {

		final List<LocationEvent> received = new CopyOnWriteArrayList<>();

		@OnEvent
		void located(LocationEvent location) {
			this.received.add(location);
		}

	}

	@WxWorkCallback(agent = "demo")
	static class WithCatchAll {

		final List<CallbackMessage> other = new CopyOnWriteArrayList<>();

		@OnEvent
		void located(LocationEvent location) {
		}

		@OnOtherCallbacks
		void other(CallbackMessage message) {
			this.other.add(message);
		}

	}

}

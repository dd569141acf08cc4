package dev.wxwork.bot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCrypto;
import dev.wxwork.testing.RecordedObservations;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request to a bot's endpoint, built here with {@code new}, is observed with its bot, method and outcome. */
class BotCallbackObservationTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private final RecordedObservations observations = new RecordedObservations();

	private final WeComCrypto wecom = new WeComCrypto("obstoken", KEY, "");

	private final BotCallbackRequestHandler handler = new BotCallbackRequestHandler(
			new BotCallbackEndpoint("observed", new CallbackCrypto("obstoken", KEY, ""),
					BotDispatcher.builder("observed").add(new Echo(), Echo.class).build(),
					new MemoryBotStreamStore(100, 100, Clock.systemUTC()), Runnable::run,
					new BotCallbackEndpoint.Settings(Duration.ofMinutes(5), 4096, "wxwork", Duration.ofMinutes(10),
							Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(4), "sorry", "later"),
					Clock.systemUTC(), null),
			this.observations.registry());

	@Test
	void everyRequestIsObservedWithBotMethodAndOutcome() throws Exception {
		WeComCrypto.Sealed sealed = this.wecom.seal(WeComBotDriver.text("zhangsan", "hi"));
		post(sealed);
		post(sealed);
		post(new WeComCrypto.Sealed(sealed.encrypt(), "forged", sealed.timestamp(), sealed.nonce()));

		List<Observation.Context> observed = this.observations.stopped();
		assertThat(observed).extracting(Observation.Context::getName).containsOnly("wxwork.bot.callbacks");
		assertThat(observed).extracting((context) -> context.getLowCardinalityKeyValue("outcome").getValue())
			.containsExactly("replied", "acknowledged", "rejected");
		assertThat(observed).allSatisfy((context) -> {
			assertThat(context.getLowCardinalityKeyValue("bot").getValue()).isEqualTo("observed");
			assertThat(context.getLowCardinalityKeyValue("method").getValue()).isEqualTo("POST");
		});
	}

	private void post(WeComCrypto.Sealed sealed) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wxwork/bots/observed/callback");
		request.setParameter("msg_signature", sealed.signature());
		request.setParameter("timestamp", sealed.timestamp());
		request.setParameter("nonce", sealed.nonce());
		request.setContent(("{\"encrypt\":\"" + sealed.encrypt() + "\"}").getBytes(StandardCharsets.UTF_8));
		this.handler.handleRequest(request, new MockHttpServletResponse());
	}

	static class Echo {

		@OnBotMessage
		String echo(BotTextMessage text) {
			return "echo: " + text.content();
		}

	}

}

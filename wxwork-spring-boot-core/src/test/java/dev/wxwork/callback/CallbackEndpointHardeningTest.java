package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The endpoint without HTTP, on a fixed clock: the edges an attacker or a careless handler reaches. */
class CallbackEndpointHardeningTest {

	static final String CORP_ID = "ww0123456789abcdef";

	static final String TOKEN = "t0ken";

	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final long NOW = 1_700_000_000L;

	static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

	final CallbackCrypto wecom = new CallbackCrypto(TOKEN, KEY, CORP_ID, CLOCK);

	final Handlers handlers = new Handlers();

	final CallbackEndpoint endpoint = endpoint(this.handlers);

	static CallbackEndpoint endpoint(Object handlers) {
		return endpoint(handlers, Runnable::run);
	}

	static CallbackEndpoint endpoint(Object handlers, Executor executor) {
		WxWorkHttpClient http = new WxWorkHttpClient("http://127.0.0.1:9", Duration.ofSeconds(1), Duration.ofSeconds(1),
				new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		WxWorkAgent agent = new WxWorkAgent("bot", 1000002L, CORP_ID, "unused", http, new MemoryAccessTokenStore(),
				new CredentialKeys("test"), TokenSettings.defaults(), CLOCK);
		return new CallbackEndpoint(agent, new CallbackCrypto(TOKEN, KEY, CORP_ID, CLOCK),
				CallbackDispatcher.builder("bot").add(handlers, handlers.getClass()).build(),
				new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 1000, CLOCK), executor,
				new CallbackEndpoint.Settings(Duration.ofMinutes(5), 64 * 1024, "wxwork"), CLOCK);
	}

	static String text(String content, long msgId) {
		return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
				+ "<CreateTime>" + NOW + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
				+ "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>1000002</AgentID></xml>";
	}

	CallbackResponse send(SealedMessage sealed) {
		return this.endpoint.receive(sealed.signature(), sealed.timestamp(), sealed.nonce(),
				sealed.callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void refusesATimestampThatOverflowsTheFreshnessArithmetic() {
		// NOW - timestamp overflows to Long.MIN_VALUE, whose absolute value is negative, so it looked fresh
		String overflowing = String.valueOf(NOW + Long.MIN_VALUE);
		CallbackResponse response = send(this.wecom.seal(text("replayed", 1), overflowing, "1"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.bodyText()).isEqualTo("invalid callback");
		assertThat(this.handlers.received).isEmpty();
		assertThat(send(this.wecom.seal(text("fresh", 2), String.valueOf(NOW - 300), "1")).status()).isEqualTo(200);
		assertThat(send(this.wecom.seal(text("stale", 3), String.valueOf(NOW - 301), "1")).status()).isEqualTo(400);
		assertThat(this.handlers.received).containsExactly("fresh");
	}

	@Test
	void aReplyThatCannotBeBuiltFailsLikeAThrowingHandlerAndRunsAgainOnTheRetry() {
		SealedMessage sealed = this.wecom.seal(text("card please", 4), String.valueOf(NOW), "1");
		CallbackResponse failed = send(sealed);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.bodyText()).isEmpty();
		CallbackResponse retried = send(sealed);
		assertThat(retried.status()).isEqualTo(500);
		assertThat(this.handlers.cardAttempts).hasValue(2);
	}

	@Test
	void aFullAsyncExecutorAnswers503AndTheRetryRunsTheHandler() {
		AtomicBoolean full = new AtomicBoolean(true);
		AsyncHandlers async = new AsyncHandlers();
		CallbackEndpoint endpoint = endpoint(async, (task) -> {
			if (full.get()) {
				throw new RejectedExecutionException("full");
			}
			task.run();
		});
		SealedMessage click = this.wecom.seal("<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>zhangsan</FromUserName>"
				+ "<CreateTime>" + NOW + "</CreateTime><MsgType>event</MsgType><Event>click</Event><EventKey>menu</EventKey>"
				+ "<AgentID>1000002</AgentID></xml>", String.valueOf(NOW), "1");
		byte[] body = click.callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8);
		CallbackResponse busy = endpoint.receive(click.signature(), click.timestamp(), click.nonce(), body);
		assertThat(busy.status()).isEqualTo(503);
		assertThat(busy.bodyText()).isEmpty();
		assertThat(async.clicks).isEmpty();
		full.set(false);
		assertThat(endpoint.receive(click.signature(), click.timestamp(), click.nonce(), body).status()).isEqualTo(200);
		assertThat(endpoint.receive(click.signature(), click.timestamp(), click.nonce(), body).status()).isEqualTo(200);
		assertThat(async.clicks).containsExactly("menu");
	}

	@Test
	void refusesLimitsThatCannotWork() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CallbackEndpoint.Settings(Duration.ofMinutes(5), Integer.MAX_VALUE, "wxwork"));
		assertThatIllegalArgumentException().isThrownBy(() -> new CallbackEndpoint.Settings(Duration.ofMinutes(5), 0, "wxwork"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MemoryCallbackHandOff.boundedExecutor(0, 10, MemoryCallbackHandOff.daemonThreads()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MemoryCallbackHandOff.boundedExecutor(1, 0, MemoryCallbackHandOff.daemonThreads()));
	}

	static class AsyncHandlers {

		final List<String> clicks = new CopyOnWriteArrayList<>();

		@OnEvent(async = true)
		void clicked(MenuClickEvent click) {
			this.clicks.add(click.eventKey());
		}

	}

	static class Handlers {

		final List<String> received = new CopyOnWriteArrayList<>();

		final AtomicInteger cardAttempts = new AtomicInteger();

		@OnMessage
		Reply text(TextMessage message) {
			if (message.content().startsWith("card")) {
				this.cardAttempts.incrementAndGet();
				return Reply.updateTemplateCard(Map.of("CardType", new Object() {

					@Override
					public String toString() {
						throw new IllegalStateException("a value that cannot be written");
					}

				}));
			}
			this.received.add(message.content());
			return null;
		}

	}

}

package dev.wxwork.callback;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComCrypto;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/** WeCom's retries reach any instance of a service; with Redis, a message is still handled once. */
class RedisDeduplicationTest {

	private static final String CORP_ID = "wwredistest";

	private static final String TOKEN = "redis-token";

	private static final String KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";

	static final AtomicInteger handled = new AtomicInteger();

	private final RedisServer redis = RedisServer.start();

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@AfterEach
	void stop() {
		if (this.first != null) {
			this.first.close();
		}
		if (this.second != null) {
			this.second.close();
		}
		this.redis.close();
	}

	@Test
	void aRetryReachingAnotherInstanceIsNotHandledAgain() throws Exception {
		handled.set(0);
		this.first = start();
		this.second = start();
		WeComCallbackSender toFirst = sender(this.first);
		WeComCallbackSender toSecond = sender(this.second);
		WeComCrypto.Sealed message = toFirst.crypto().seal(toFirst.text("zhangsan", "hello"));
		WeComCallbackSender.CallbackResponse delivered = toFirst.send(message);
		WeComCallbackSender.CallbackResponse retried = toSecond.send(message);
		assertThat(delivered.body()).isNotEmpty();
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.body()).isEmpty();
		assertThat(handled).hasValue(1);
		assertThat(this.redis.cli("KEYS", "wxwork:callback:" + CORP_ID + ":bot:*")).contains("MsgId=");

		WeComCrypto.Sealed raced = toFirst.crypto().seal(toFirst.text("lisi", "at the same time"));
		CompletableFuture<WeComCallbackSender.CallbackResponse> one = CompletableFuture.supplyAsync(() -> toFirst.send(raced));
		CompletableFuture<WeComCallbackSender.CallbackResponse> other = CompletableFuture.supplyAsync(() -> toSecond.send(raced));
		assertThat(one.get().status()).isEqualTo(200);
		assertThat(other.get().status()).isEqualTo(200);
		assertThat(handled).hasValue(2);
	}

	@Test
	void handlesTheMessageWhenRedisIsDown() {
		handled.set(0);
		this.first = start();
		WeComCallbackSender wecom = sender(this.first);
		this.redis.stop();
		WeComCrypto.Sealed message = wecom.crypto().seal(wecom.text("wangwu", "is anyone there"));
		WeComCallbackSender.CallbackResponse response = wecom.send(message);
		assertThat(response.status()).isEqualTo(200);
		assertThat(wecom.crypto().openReply(response.body())).contains("echo: is anyone there");
		assertThat(handled).hasValue(1);
		// the marks are kept in memory meanwhile: WeCom's retry is still deduplicated
		WeComCallbackSender.CallbackResponse retry = wecom.send(message);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEmpty();
		assertThat(handled).hasValue(1);
	}

	@Test
	void aHungAndThenKilledRedisStallsNoCallbackAndRetriesAreStillDeduplicated() {
		handled.set(0);
		// Spring Boot's default Redis client settings: Lettuce would wait 60 s for a hung server
		this.first = new SpringApplicationBuilder(App.class).properties("server.port=0", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + this.redis.port(), "wxwork.corp-id=" + CORP_ID,
				"wxwork.agents.bot.agent-id=1000002", "wxwork.agents.bot.secret=unused",
				"wxwork.agents.bot.callback.token=" + TOKEN, "wxwork.agents.bot.callback.encoding-aes-key=" + KEY,
				"wxwork.redis.retry-interval=1s")
			.run();
		WeComCallbackSender wecom = sender(this.first);
		// the first command also opens the connection, which may miss the deadline on a loaded machine;
		// the marks are in Redis once it answers in time
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!this.redis.cli("KEYS", "wxwork:callback:*").contains("MsgId=") && System.nanoTime() < deadline) {
			assertThat(wecom.send(wecom.text("zhangsan", "before")).status()).isEqualTo(200);
		}
		assertThat(this.redis.cli("KEYS", "wxwork:callback:*")).contains("MsgId=");

		this.redis.hang();
		answeredInTimeAndDeduplicated(wecom, "while Redis hangs");
		answeredInTimeAndDeduplicated(wecom, "while Redis still hangs");
		this.redis.kill();
		answeredInTimeAndDeduplicated(wecom, "after Redis died");
	}

	private static void answeredInTimeAndDeduplicated(WeComCallbackSender wecom, String content) {
		int handledSoFar = handled.get() + 1;
		WeComCrypto.Sealed message = wecom.crypto().seal(wecom.text("lisi", content));
		long start = System.nanoTime();
		WeComCallbackSender.CallbackResponse delivery = wecom.send(message);
		WeComCallbackSender.CallbackResponse retry = wecom.send(message);
		Duration both = Duration.ofNanos(System.nanoTime() - start);
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(wecom.crypto().openReply(delivery.body())).contains("echo: " + content);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEmpty();
		assertThat(handled).hasValue(handledSoFar);
		// WeCom waits 5 s for each; Lettuce alone would have waited 60 s (handler 0.2 s, command deadline 0.5 s)
		assertThat(both).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theDeduplicatorMarksOnceAndReleases() {
		var connections = this.redis.newConnectionFactory();
		RedisCommandGuard guard = new RedisCommandGuard(Duration.ofSeconds(2), Duration.ofMillis(1));
		try {
			RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(connections, guard,
					Duration.ofSeconds(30), RedisCallbackDeduplicator.DEFAULT_IN_PROGRESS_LEASE,
					new MemoryCallbackDeduplicator(Duration.ofSeconds(30)));
			assertThat(deduplicator.tryStart("wxwork:callback:test:1")).isTrue();
			assertThat(deduplicator.tryStart("wxwork:callback:test:1")).isFalse();
			assertThat(deduplicator.progress("wxwork:callback:test:1")).isEqualTo(CallbackDeduplicator.Progress.IN_PROGRESS);
			// in progress: a short lease, so that a retry still runs a callback whose instance died
			assertThat(Long.parseLong(this.redis.cli("PTTL", "wxwork:callback:test:1"))).isBetween(1L, 10_000L);
			deduplicator.release("wxwork:callback:test:1");
			assertThat(deduplicator.progress("wxwork:callback:test:1")).isEqualTo(CallbackDeduplicator.Progress.NONE);
			assertThat(deduplicator.tryStart("wxwork:callback:test:1")).isTrue();
			deduplicator.complete("wxwork:callback:test:1");
			assertThat(deduplicator.progress("wxwork:callback:test:1")).isEqualTo(CallbackDeduplicator.Progress.DONE);
			assertThat(Long.parseLong(this.redis.cli("PTTL", "wxwork:callback:test:1"))).isBetween(10_001L, 30_000L);
			// a done mark is not released by a late failure report
			deduplicator.release("wxwork:callback:test:1");
			assertThat(deduplicator.tryStart("wxwork:callback:test:1")).isFalse();
		}
		finally {
			guard.close();
			connections.destroy();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(App.class).properties("server.port=0", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + this.redis.port(), "spring.data.redis.timeout=1s",
				"wxwork.corp-id=" + CORP_ID, "wxwork.agents.bot.agent-id=1000002",
				"wxwork.agents.bot.secret=unused", "wxwork.agents.bot.callback.token=" + TOKEN,
				"wxwork.agents.bot.callback.encoding-aes-key=" + KEY)
			.run();
	}

	private static WeComCallbackSender sender(ConfigurableApplicationContext context) {
		return WeComCallbackSender.of("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
				+ "/wxwork/bot/callback", TOKEN, KEY, CORP_ID);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Echo.class)
	static class App {

	}

	@WxWorkCallback(agent = "bot")
	static class Echo {

		@OnMessage
		Reply echo(TextMessage message) throws InterruptedException {
			handled.incrementAndGet();
			Thread.sleep(200);
			return Reply.text("echo: " + message.content());
		}

	}

}

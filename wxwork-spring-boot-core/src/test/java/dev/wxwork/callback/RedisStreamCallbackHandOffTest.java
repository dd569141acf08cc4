package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.lettuce.core.cluster.SlotHash;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The durable hand-off against a real redis-server: stored before the 200, run once, retried, dead-lettered, claimed. */
class RedisStreamCallbackHandOffTest {

	private static final String CORP_ID = "wwstreamtest";

	private static final String TOKEN = "stream-token";

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String STREAM = "wxwork:{wwstreamtest:demo}:callbacks";

	private static final String DEAD = STREAM + ":dead";

	private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis());

	private final RedisServer redis = RedisServer.start();

	private final LettuceConnectionFactory connectionFactory = this.redis.newConnectionFactory();

	private final CallbackCrypto wecom = new CallbackCrypto(TOKEN, KEY, CORP_ID);

	private final List<FailedCallback> failures = new CopyOnWriteArrayList<>();

	private final Clicks clicks = new Clicks();

	private final List<RedisStreamCallbackHandOff> handOffs = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.handOffs.forEach(RedisStreamCallbackHandOff::stop);
		this.connectionFactory.destroy();
		this.redis.close();
	}

	@Test
	void acknowledgesOnlyWhatIsStoredSealedAndRunsItOnceThenDeletesIt() throws Exception {
		RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofSeconds(5));
		CallbackEndpoint endpoint = endpoint(handOff);
		// not started: the entry stays where the 200 promised it is
		assertThat(receive(endpoint, "secret-key-word").status()).isEqualTo(200);
		assertThat(this.redis.cli("XLEN", STREAM)).isEqualTo("1");
		String entry = this.redis.cli("XRANGE", STREAM, "-", "+");
		assertThat(entry).contains("signature", "timestamp", "nonce", "body", "<Encrypt>")
			.doesNotContain("secret-key-word")
			.doesNotContain("zhangsan");
		handOff.start();
		await(() -> this.clicks.keys.size() == 1, "the handler ran");
		await(() -> this.redis.cli("XLEN", STREAM).equals("0"), "the entry was deleted");
		assertThat(this.clicks.keys).containsExactly("secret-key-word");
		assertThat(this.redis.cli("XPENDING", STREAM, RedisStreamCallbackHandOff.GROUP)).startsWith("0");
		assertThat(this.failures).isEmpty();
	}

	@Test
	void retriesAFailingHandlerWithBackoffThenDeadLettersItAndCallsTheErrorHandler() throws Exception {
		this.clicks.failuresBeforeSuccess.set(Integer.MAX_VALUE);
		RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofSeconds(5));
		CallbackEndpoint endpoint = endpoint(handOff);
		handOff.start();
		assertThat(receive(endpoint, "always-fails").status()).isEqualTo(200);
		await(() -> this.failures.size() == 1, "the error handler was called");
		FailedCallback failure = this.failures.get(0);
		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(this.clicks.attempts).hasSize(3);
		// backoff: 100 ms, then 200 ms
		assertThat(Duration.between(this.clicks.attempts.get(0), this.clicks.attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(Duration.between(this.clicks.attempts.get(1), this.clicks.attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(failure.agentName()).isEqualTo("demo");
		assertThat(failure.message().get("EventKey")).isEqualTo("always-fails");
		assertThat(failure.identity()).isEqualTo(failure.message().identity()).contains("EventKey=always-fails");
		assertThat(failure.cause()).isInstanceOf(IllegalStateException.class);
		assertThat(failure.deadLetterId()).isNotBlank();
		assertThat(this.redis.cli("XLEN", STREAM)).isEqualTo("0");
		String dead = this.redis.cli("XRANGE", DEAD, "-", "+");
		assertThat(dead).contains(failure.deadLetterId(), "attempts\n3", "error\njava.lang.IllegalStateException", "<Encrypt>")
			.doesNotContain("always-fails");
	}

	@Test
	void aHandlerThatFailsOnceSucceedsOnItsRetry() throws Exception {
		this.clicks.failuresBeforeSuccess.set(1);
		RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofSeconds(5));
		CallbackEndpoint endpoint = endpoint(handOff);
		handOff.start();
		assertThat(receive(endpoint, "flaky").status()).isEqualTo(200);
		await(() -> this.clicks.keys.size() == 1, "the handler succeeded");
		await(() -> this.redis.cli("XLEN", STREAM).equals("0"), "the entry was deleted");
		assertThat(this.clicks.attempts).hasSize(2);
		assertThat(this.failures).isEmpty();
		assertThat(this.redis.cli("XLEN", DEAD)).isEqualTo("0");
	}

	@Test
	void anEntryPendingOnAConsumerThatWentSilentIsClaimedAndRunByAnother() throws Exception {
		RedisStreamCallbackHandOff handOff = handOff("survivor", 3, Duration.ofMillis(1500));
		CallbackEndpoint endpoint = endpoint(handOff);
		assertThat(receive(endpoint, "left-behind").status()).isEqualTo(200);
		// an instance reads the entry and dies before acknowledging it
		this.redis.cli("XGROUP", "CREATE", STREAM, RedisStreamCallbackHandOff.GROUP, "0", "MKSTREAM");
		assertThat(this.redis.cli("XREADGROUP", "GROUP", RedisStreamCallbackHandOff.GROUP, "dead-instance", "COUNT", "1",
				"STREAMS", STREAM, ">")).contains("<Encrypt>");
		Instant started = Instant.now();
		handOff.start();
		await(() -> this.clicks.keys.size() == 1, "the survivor ran the abandoned entry");
		assertThat(Duration.between(started, Instant.now())).as("claimed only once idle for the timeout")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		await(() -> this.redis.cli("XLEN", STREAM).equals("0"), "the entry was deleted");
		assertThat(this.clicks.keys).containsExactly("left-behind");
	}

	@Test
	void aRunningHandlerKeepsItsEntryFromBeingClaimed() throws Exception {
		this.clicks.runFor.set(3000);
		RedisStreamCallbackHandOff first = handOff("first", 3, Duration.ofMillis(900));
		RedisStreamCallbackHandOff second = handOff("second", 3, Duration.ofMillis(900));
		CallbackEndpoint endpoint = endpoint(first);
		endpoint(second);
		first.start();
		assertThat(receive(endpoint, "long-running").status()).isEqualTo(200);
		await(() -> this.clicks.attempts.size() == 1, "the first instance started the handler");
		second.start();
		await(() -> this.clicks.keys.size() == 1, "the handler finished");
		await(() -> this.redis.cli("XLEN", STREAM).equals("0"), "the entry was deleted");
		// over three idle timeouts long, and never claimed: one run
		assertThat(this.clicks.attempts).hasSize(1);
	}

	@Test
	void anEntryThatDoesNotVerifyReachesNoHandlerAndIsDeadLettered() throws Exception {
		RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofSeconds(5));
		endpoint(handOff);
		SealedMessage forged = new CallbackCrypto("another-token", KEY, CORP_ID).seal(click("forged"));
		this.redis.cli("XADD", STREAM, "*", "signature", forged.signature(), "timestamp", forged.timestamp(), "nonce",
				forged.nonce(), "body", forged.callbackXml(CORP_ID, 1000002L));
		handOff.start();
		await(() -> this.failures.size() == 1, "the error handler was called");
		assertThat(this.failures.get(0).message()).isNull();
		assertThat(this.failures.get(0).identity()).startsWith("stream entry ");
		assertThat(this.clicks.attempts).isEmpty();
		assertThat(this.redis.cli("XLEN", DEAD)).isEqualTo("1");
		assertThat(this.redis.cli("XLEN", STREAM)).isEqualTo("0");
	}

	@Test
	void stoppingHandsBackAnEntryWaitingForItsRetryForAnotherInstanceAtOnce() throws Exception {
		this.clicks.failuresBeforeSuccess.set(1);
		RedisStreamCallbackHandOff first = handOff("first", 3, Duration.ofSeconds(60), Duration.ofSeconds(30));
		CallbackEndpoint endpoint = endpoint(first);
		first.start();
		assertThat(receive(endpoint, "handed-back").status()).isEqualTo(200);
		await(() -> this.clicks.attempts.size() == 1, "the first attempt failed");
		first.stop();
		assertThat(this.redis.cli("XPENDING", STREAM, RedisStreamCallbackHandOff.GROUP)).startsWith("0");
		assertThat(this.redis.cli("XLEN", STREAM)).isEqualTo("1");
		RedisStreamCallbackHandOff second = handOff("second", 3, Duration.ofSeconds(60));
		endpoint(second);
		second.start();
		// long before the 60 s claim timeout: it was handed back, not abandoned
		await(() -> this.clicks.keys.size() == 1, "the second instance ran it");
		assertThat(this.failures).isEmpty();
	}

	@Test
	void aRedisThatIsDownOrHungIsNoAcknowledgementButA503ThatReleasesTheMark() throws Exception {
		try (RedisCommandGuard guard = new RedisCommandGuard(Duration.ofMillis(300), Duration.ofMillis(700))) {
			RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofSeconds(5));
			handOff.setCommandGuard(guard);
			MemoryCallbackDeduplicator marks = new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, Clock.systemUTC());
			CallbackEndpoint endpoint = endpoint(handOff, marks);
			this.redis.hang();
			SealedMessage sealed = this.wecom.seal(click("while-hung"));
			Instant sent = Instant.now();
			assertThat(receive(endpoint, sealed).status()).isEqualTo(503);
			assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(3));
			this.redis.resume();
			Thread.sleep(800); // the guard's retry interval
			// WeCom's retry of the same callback is not taken for a duplicate, and is stored this time
			assertThat(receive(endpoint, sealed).status()).isEqualTo(200);
			assertThat(this.redis.cli("XLEN", STREAM)).isEqualTo("1");
			this.redis.kill();
			assertThat(receive(endpoint, "while-dead").status()).isEqualTo(503);
		}
	}

	@Test
	void anAppWithoutAsyncHandlersHasNoStreamAndNoConsumers() throws Exception {
		RedisStreamCallbackHandOff handOff = handOff("a", 3, Duration.ofMillis(900));
		CallbackEndpoint endpoint = endpoint(handOff, CallbackDispatcher.builder("demo").add(new SyncClicks(), SyncClicks.class).build(),
				new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, Clock.systemUTC()));
		handOff.start();
		assertThat(receive(endpoint, "sync").status()).isEqualTo(200);
		Thread.sleep(1000); // longer than a poll and a claim round: nothing was created meanwhile
		assertThat(this.redis.cli("EXISTS", STREAM)).isEqualTo("0");
		assertThat(this.redis.cli("CLIENT", "LIST").lines().filter((client) -> client.contains("cmd=xreadgroup")).count())
			.isZero();
	}

	@Test
	void anAppsStreamAndItsDeadLettersShareOneClusterSlot() {
		String stream = RedisStreamCallbackHandOff.streamKey("wxwork", "wwcorp", "demo");
		String dead = RedisStreamCallbackHandOff.deadLetterKey("wxwork", "wwcorp", "demo");
		assertThat(stream).isEqualTo("wxwork:{wwcorp:demo}:callbacks");
		assertThat(SlotHash.getSlot(dead)).isEqualTo(SlotHash.getSlot(stream));
		assertThat(SlotHash.getSlot(RedisStreamCallbackHandOff.streamKey("wxwork", "wwcorp", "other")))
			.as("another app's stream may live elsewhere")
			.isEqualTo(SlotHash.getSlot("{wwcorp:other}"));
	}

	private RedisStreamCallbackHandOff handOff(String consumer, int maxAttempts, Duration claimIdleTimeout) {
		return handOff(consumer, maxAttempts, claimIdleTimeout, Duration.ofMillis(100));
	}

	private RedisStreamCallbackHandOff handOff(String consumer, int maxAttempts, Duration claimIdleTimeout, Duration backoff) {
		AsyncCallbackRunner runner = new AsyncCallbackRunner(
				new AsyncCallbackRunner.RetrySettings(maxAttempts, backoff, Duration.ofSeconds(60)), ObservationRegistry.NOOP,
				this.failures::add);
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("test-" + consumer + "-");
		threads.setDaemon(true);
		RedisStreamCallbackHandOff handOff = new RedisStreamCallbackHandOff(this.connectionFactory, runner,
				new RedisStreamCallbackHandOff.Settings("wxwork", 2, Duration.ofMillis(200), claimIdleTimeout,
						Duration.ofSeconds(5), consumer),
				(Executor) threads);
		this.handOffs.add(handOff);
		return handOff;
	}

	private CallbackEndpoint endpoint(CallbackHandOff handOff) {
		return endpoint(handOff, new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, Clock.systemUTC()));
	}

	private CallbackEndpoint endpoint(CallbackHandOff handOff, CallbackDeduplicator deduplicator) {
		return endpoint(handOff, CallbackDispatcher.builder("demo").add(this.clicks, Clicks.class).build(), deduplicator);
	}

	private CallbackEndpoint endpoint(CallbackHandOff handOff, CallbackDispatcher dispatcher, CallbackDeduplicator deduplicator) {
		WxWorkHttpClient http = new WxWorkHttpClient("http://127.0.0.1:9", Duration.ofSeconds(1), Duration.ofSeconds(1),
				new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		WxWorkAgent agent = new WxWorkAgent("demo", 1000002L, CORP_ID, "unused", http, new MemoryAccessTokenStore(),
				new CredentialKeys("test"), TokenSettings.defaults(), Clock.systemUTC());
		return new CallbackEndpoint(agent, new CallbackCrypto(TOKEN, KEY, CORP_ID),
				dispatcher, deduplicator, handOff,
				new CallbackEndpoint.Settings(Duration.ofMinutes(5), 256 * 1024, "wxwork"), Clock.systemUTC());
	}

	private CallbackResponse receive(CallbackEndpoint endpoint, String eventKey) {
		return receive(endpoint, this.wecom.seal(click(eventKey)));
	}

	private static CallbackResponse receive(CallbackEndpoint endpoint, SealedMessage sealed) {
		return endpoint.receive(sealed.signature(), sealed.timestamp(), sealed.nonce(),
				sealed.callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8));
	}

	private static String click(String eventKey) {
		// a distinct CreateTime per click keeps two clicks of one test apart
		return "<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>"
				+ MSG_IDS.incrementAndGet() + "</CreateTime><MsgType>event</MsgType><Event>click</Event><EventKey>"
				+ eventKey + "</EventKey><AgentID>1000002</AgentID></xml>";
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as(what + " within 30 s").isBefore(deadline);
			Thread.sleep(20);
		}
	}

	static class SyncClicks {

		@OnEvent
		void clicked(MenuClickEvent click) {
		}

	}

	static class Clicks {

		final List<String> keys = new CopyOnWriteArrayList<>();

		final List<Instant> attempts = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresBeforeSuccess = new AtomicInteger();

		final AtomicLong runFor = new AtomicLong();

		@OnEvent(async = true)
		void clicked(MenuClickEvent click) throws InterruptedException {
			this.attempts.add(Instant.now());
			if (this.failuresBeforeSuccess.getAndDecrement() > 0) {
				throw new IllegalStateException("failing on purpose");
			}
			Thread.sleep(this.runFor.get());
			this.keys.add(click.eventKey());
		}

	}

}

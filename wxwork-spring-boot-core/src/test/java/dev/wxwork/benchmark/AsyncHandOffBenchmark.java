package dev.wxwork.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.AsyncCallbackRunner;
import dev.wxwork.callback.CallbackDispatcher;
import dev.wxwork.callback.CallbackEndpoint;
import dev.wxwork.callback.CallbackHandOff;
import dev.wxwork.callback.CallbackResponse;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.MemoryCallbackHandOff;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.RedisStreamCallbackHandOff;
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

/**
 * What acknowledging an async callback costs, from the sealed request to the 200: {@code memory} queues it
 * for a thread of this process (today's hand-off, lost on a crash); {@code redis} stores it with one
 * {@code XADD} on a redis-server on loopback first; {@code redis-guarded} does so through the
 * {@link RedisCommandGuard} as the auto-configuration does. One run measures all three, so their ratio
 * holds on any machine. Run it like {@code CallbackBenchmark} (docs/callbacks.md), with
 * {@code AsyncHandOffBenchmark} as the pattern; redis-server must be installed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AsyncHandOffBenchmark {

	private static final String CORP_ID = "ww0123456789abcdef";

	private static final String TOKEN = "benchmark-token";

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	// more distinct callbacks than the deduplicator remembers, so every call is handed off
	private static final int MESSAGES = 4096;

	@Param({ "memory", "redis", "redis-guarded" })
	public String handOff;

	private CallbackEndpoint endpoint;

	private SealedMessage[] sealed;

	private byte[][] bodies;

	private int next;

	private RedisServer redis;

	private LettuceConnectionFactory connectionFactory;

	private RedisCommandGuard guard;

	private ExecutorService executor;

	@Setup(Level.Trial)
	public void setUp() {
		CallbackCrypto crypto = new CallbackCrypto(TOKEN, KEY, CORP_ID);
		WxWorkHttpClient http = new WxWorkHttpClient("http://127.0.0.1:9", Duration.ofSeconds(1), Duration.ofSeconds(1),
				new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		WxWorkAgent agent = new WxWorkAgent("bench", 1000002L, CORP_ID, "unused", http, new MemoryAccessTokenStore(),
				new CredentialKeys("bench"), TokenSettings.defaults(), Clock.systemUTC());
		AsyncCallbackRunner runner = new AsyncCallbackRunner(
				new AsyncCallbackRunner.RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1)), ObservationRegistry.NOOP,
				(failure) -> {
				});
		CallbackHandOff target;
		if (this.handOff.equals("memory")) {
			this.executor = MemoryCallbackHandOff.boundedExecutor(1, 1_000_000, MemoryCallbackHandOff.daemonThreads());
			target = new MemoryCallbackHandOff(runner, ObservationRegistry.NOOP, this.executor, Duration.ofSeconds(1));
		}
		else {
			this.redis = RedisServer.start();
			this.connectionFactory = this.redis.newDefaultConnectionFactory();
			// connected before the first measured command, which the guard would otherwise time out on a loaded machine
			try (var connection = this.connectionFactory.getConnection()) {
				connection.ping();
			}
			// not started: only the acknowledgement path is measured, the stream is emptied after each iteration
			RedisStreamCallbackHandOff stream = new RedisStreamCallbackHandOff(this.connectionFactory, runner,
					new RedisStreamCallbackHandOff.Settings("bench", 1, Duration.ofSeconds(1), Duration.ofSeconds(30),
							Duration.ofSeconds(1), "bench"),
					Runnable::run);
			if (this.handOff.equals("redis-guarded")) {
				this.guard = new RedisCommandGuard(Duration.ofMillis(500), Duration.ofSeconds(5));
				stream.setCommandGuard(this.guard);
			}
			target = stream;
		}
		CallbackDispatcher dispatcher = CallbackDispatcher.builder("bench").add(new Clicks(), Clicks.class).build();
		this.endpoint = new CallbackEndpoint(agent, crypto, dispatcher,
				new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 1024, Clock.systemUTC()), target,
				new CallbackEndpoint.Settings(Duration.ofHours(1), 256 * 1024, "bench"), Clock.systemUTC());
		long now = System.currentTimeMillis() / 1000;
		String eventKey = "k".repeat(700);
		this.sealed = new SealedMessage[MESSAGES];
		this.bodies = new byte[MESSAGES][];
		for (int i = 0; i < MESSAGES; i++) {
			String message = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
					+ "</FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
					+ "<Event><![CDATA[click]]></Event><EventKey><![CDATA[" + eventKey + i + "]]></EventKey>"
					+ "<AgentID>1000002</AgentID></xml>";
			this.sealed[i] = crypto.seal(message);
			this.bodies[i] = this.sealed[i].callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8);
		}
		CallbackResponse check = receive();
		if (check.status() != 200) {
			throw new IllegalStateException("The benchmark's callback was not acknowledged: " + check.status());
		}
	}

	@TearDown(Level.Iteration)
	public void emptyTheStream() {
		if (this.redis != null) {
			this.redis.cli("DEL", RedisStreamCallbackHandOff.streamKey("bench", CORP_ID, "bench"));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		if (this.guard != null) {
			this.guard.close();
		}
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Benchmark
	public CallbackResponse acknowledgeAsyncCallback() {
		return receive();
	}

	private CallbackResponse receive() {
		int i = this.next;
		this.next = (i + 1) % MESSAGES;
		SealedMessage message = this.sealed[i];
		return this.endpoint.receive(message.signature(), message.timestamp(), message.nonce(), this.bodies[i]);
	}

	/** An async handler that does nothing: only the hand-off is measured. */
	public static class Clicks {

		@OnEvent(async = true)
		public void clicked(MenuClickEvent click) {
		}

	}

}

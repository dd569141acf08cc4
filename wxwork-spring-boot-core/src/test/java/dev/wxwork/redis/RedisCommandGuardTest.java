package dev.wxwork.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.wxwork.testing.MutableClock;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Against a real redis-server, with Spring Boot's default client settings (Lettuce's 60 s command timeout). */
class RedisCommandGuardTest {

	private RedisServer redis;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate template;

	private RedisCommandGuard guard;

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.connections = this.redis.newDefaultConnectionFactory();
		this.template = new StringRedisTemplate(this.connections);
		this.guard = new RedisCommandGuard(Duration.ofMillis(300), Duration.ofMillis(700));
	}

	@AfterEach
	void stop() {
		this.guard.close();
		this.redis.resume();
		this.connections.destroy();
		this.redis.close();
	}

	private String get(String key) {
		return this.guard.execute("get", () -> this.template.opsForValue().get(key));
	}

	@Test
	void runsCommandsAndReturnsTheirResults() {
		this.guard.run("set", () -> this.template.opsForValue().set("k", "v"));
		assertThat(get("k")).isEqualTo("v");
		assertThat(this.guard.health().available()).isTrue();
		assertThat(this.guard.isBypassed()).isFalse();
	}

	@Test
	void aHungServerCostsOneCommandTimeoutThenIsBypassedUntilItAnswersAgain() throws Exception {
		assertThat(get("k")).isNull();
		this.redis.hang();
		long started = System.nanoTime();
		assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> get("k"))
			.satisfies((ex) -> assertThat(ex.isBypassed()).isFalse())
			.withMessageContaining("no answer within 300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.guard.isBypassed()).isTrue();
		RedisHealth health = this.guard.health();
		assertThat(health.available()).isFalse();
		assertThat(health.lastFailure()).contains("get");
		assertThat(health.bypassedUntil()).isNotNull();

		// Bypassed: no command is sent, the caller is not held.
		started = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> get("k"))
				.satisfies((ex) -> assertThat(ex.isBypassed()).isTrue());
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));

		this.redis.resume();
		awaitProbeSucceeds();
		assertThat(this.guard.health().available()).isTrue();
		assertThat(this.guard.health().lastFailure()).contains("no answer");
	}

	@Test
	void concurrentCallersDuringAHangWaitAtMostAboutOneCommandTimeout() throws Exception {
		assertThat(get("k")).isNull();
		this.redis.hang();
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> waits = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				waits.add(pool.submit(() -> {
					start.await();
					long began = System.nanoTime();
					try {
						get("k");
					}
					catch (RedisUnavailableException ex) {
						// expected
					}
					return System.nanoTime() - began;
				}));
			}
			start.countDown();
			for (Future<Long> wait : waits) {
				// 300 ms timeout; generous for a loaded machine, far below Lettuce's 60 s.
				assertThat(Duration.ofNanos(wait.get(30, TimeUnit.SECONDS))).isLessThan(Duration.ofSeconds(5));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.guard.isBypassed()).isTrue();
	}

	@Test
	void theFirstCommandMayOpenTheConnectionOnceWithinALongerDeadline() throws Exception {
		this.redis.hang();
		long started = System.nanoTime();
		assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> get("k"))
			.withMessageContaining("no answer within " + RedisCommandGuard.FIRST_COMMAND_TIMEOUT.toMillis() + " ms");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		this.redis.resume();
		awaitProbeSucceeds();
		this.redis.hang();
		assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> get("k"))
			.withMessageContaining("no answer within 300 ms");
	}

	@Test
	void aKilledServerIsBypassedAndUsedAgainAfterARestart() throws Exception {
		this.redis.kill();
		assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> get("k"));
		assertThat(this.guard.isBypassed()).isTrue();
		this.redis.restart();
		awaitProbeSucceeds();
	}

	@Test
	void afterTheRetryIntervalOneCommandProbesWhileTheOthersStayBypassed() throws Exception {
		MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
		try (RedisCommandGuard guard = new RedisCommandGuard(Duration.ofSeconds(5), Duration.ofSeconds(10), clock)) {
			assertThatExceptionOfType(RedisUnavailableException.class)
				.isThrownBy(() -> guard.run("fail", () -> {
					throw new org.springframework.data.redis.RedisConnectionFailureException("refused");
				}));
			clock.advance(Duration.ofSeconds(9));
			assertThat(guard.isBypassed()).isTrue();
			clock.advance(Duration.ofSeconds(2));
			assertThat(guard.isBypassed()).isFalse();
			CountDownLatch probeRunning = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			ExecutorService pool = Executors.newSingleThreadExecutor();
			try {
				Future<String> probe = pool.submit(() -> guard.execute("probe", () -> {
					probeRunning.countDown();
					await(release);
					return this.template.opsForValue().get("k");
				}));
				assertThat(probeRunning.await(10, TimeUnit.SECONDS)).isTrue();
				assertThatExceptionOfType(RedisUnavailableException.class).isThrownBy(() -> guard.execute("other", () -> "x"))
					.satisfies((ex) -> assertThat(ex.isBypassed()).isTrue());
				release.countDown();
				assertThat(probe.get(10, TimeUnit.SECONDS)).isNull();
				assertThat(guard.execute("other", () -> "x")).isEqualTo("x");
				assertThat(guard.health().available()).isTrue();
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private void awaitProbeSucceeds() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try {
				get("k");
				return;
			}
			catch (RedisUnavailableException ex) {
				Thread.sleep(100);
			}
		}
		throw new AssertionError("Redis was not used again: " + this.guard.health());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

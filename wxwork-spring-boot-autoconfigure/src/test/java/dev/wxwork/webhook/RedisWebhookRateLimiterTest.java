package dev.wxwork.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared limit against a real redis-server: one count for the cluster, and a local count while Redis is out. */
class RedisWebhookRateLimiterTest {

	private final RedisServer redis = RedisServer.start();

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	// read while Redis answers: a stopped Redis answers no INFO
	private final String pid = this.redis.cli("INFO", "server")
		.lines()
		.filter((line) -> line.startsWith("process_id:"))
		.map((line) -> line.substring("process_id:".length()).trim())
		.findFirst()
		.orElseThrow();

	@AfterEach
	void stop() throws Exception {
		signal("CONT");
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.redis.close();
	}

	private RedisWebhookRateLimiter instance(Duration retryInterval) {
		LettuceConnectionFactory factory = this.redis.newConnectionFactory();
		this.factories.add(factory);
		return new RedisWebhookRateLimiter(factory, "wxwork", 20,
				new LocalWebhookRateLimiter(20, Clock.systemUTC()), retryInterval);
	}

	@Test
	void fourInstancesShareTwentyPermitsAMinutePerRobot() throws Exception {
		List<RedisWebhookRateLimiter> instances = List.of(instance(Duration.ofSeconds(5)), instance(Duration.ofSeconds(5)),
				instance(Duration.ofSeconds(5)), instance(Duration.ofSeconds(5)));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Duration>> results = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				RedisWebhookRateLimiter instance = instances.get(i % instances.size());
				results.add(pool.submit((Callable<Duration>) () -> instance.tryAcquire("robot-a")));
			}
			int granted = 0;
			for (Future<Duration> result : results) {
				Duration wait = result.get(30, TimeUnit.SECONDS);
				if (wait.isZero()) {
					granted++;
				}
				else {
					assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
				}
			}
			assertThat(granted).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(instances.get(0).tryAcquire("robot-b")).as("another robot has its own count").isZero();
		// one sorted set per robot, named by the key's fingerprint, expiring with the window
		assertThat(this.redis.cli("ZCARD", "wxwork:webhook:robot-a")).isEqualTo("20");
		assertThat(Long.parseLong(this.redis.cli("PTTL", "wxwork:webhook:robot-a"))).isBetween(1L, 60_000L);
	}

	@Test
	void countsLocallyWhileRedisIsKilledAndSharesAgainAfterwards() throws Exception {
		RedisWebhookRateLimiter limiter = instance(Duration.ofSeconds(1));
		assertThat(limiter.tryAcquire("robot")).isZero();
		signal("KILL");
		// Redis is gone: the local count takes over, and keeps the limit of 20 for this instance
		int granted = 0;
		for (int i = 0; i < 25; i++) {
			if (limiter.tryAcquire("robot").isZero()) {
				granted++;
			}
		}
		assertThat(granted).isEqualTo(20);
		this.redis.restart();
		// once the retry interval has passed, permits are counted in the (new, empty) Redis again
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!"1".equals(this.redis.cli("ZCARD", "wxwork:webhook:robot-b")) && System.nanoTime() < deadline) {
			assertThat(limiter.tryAcquire("robot-b")).isZero();
			Thread.sleep(100);
		}
		assertThat(this.redis.cli("ZCARD", "wxwork:webhook:robot-b")).isEqualTo("1");
	}

	@Test
	void aHungRedisCostsOneCommandTimeoutThenIsLeftAloneForTheRetryInterval() throws Exception {
		RedisWebhookRateLimiter limiter = instance(Duration.ofMinutes(5));
		assertThat(limiter.tryAcquire("robot")).isZero();
		signal("STOP");
		long start = System.nanoTime();
		assertThat(limiter.tryAcquire("robot")).isZero();
		// the connection factory's command timeout is 2 s: the first call waits for it
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		start = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.tryAcquire("robot")).isZero();
		}
		// ten more without touching the hung Redis (each would otherwise take 2 s)
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		signal("CONT");
		// none of the ten reached Redis; the script that timed out was still queued and may run once Redis
		// resumes, so the shared count holds the first permit and perhaps that one (over-counting, the safe side)
		assertThat(Integer.parseInt(this.redis.cli("ZCARD", "wxwork:webhook:robot"))).isBetween(1, 2);
	}

	private void signal(String signal) throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-" + signal, this.pid).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

}

package dev.wxwork.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared limit against a real redis-server: one count for the cluster, and a local count while
 * Redis is killed or hung, through the library's {@link RedisCommandGuard}.
 */
class RedisWebhookRateLimiterTest {

	private final RedisServer redis = RedisServer.start();

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private final List<RedisCommandGuard> guards = new ArrayList<>();

	@AfterEach
	void stop() {
		this.redis.resume();
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.guards.forEach(RedisCommandGuard::close);
		this.redis.close();
	}

	/** One instance of a service: its own connection (Boot's default client settings) and its own guard. */
	private RedisWebhookRateLimiter instance(Duration retryInterval) {
		LettuceConnectionFactory factory = this.redis.newDefaultConnectionFactory();
		this.factories.add(factory);
		RedisCommandGuard guard = new RedisCommandGuard(Duration.ofMillis(500), retryInterval);
		this.guards.add(guard);
		return new RedisWebhookRateLimiter(factory, guard, "wxwork", 20, new LocalWebhookRateLimiter(20, Clock.systemUTC()));
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
		// one sorted set per robot, named by the key's fingerprint (hash-tagged), expiring with the window
		String key = instances.get(0).key("robot-a");
		assertThat(key).isEqualTo("wxwork:webhook:{robot-a}");
		assertThat(this.redis.cli("ZCARD", key)).isEqualTo("20");
		assertThat(Long.parseLong(this.redis.cli("PTTL", key))).isBetween(1L, 60_000L);
	}

	@Test
	void countsLocallyWhileRedisIsKilledAndSharesAgainAfterwards() throws Exception {
		RedisWebhookRateLimiter limiter = instance(Duration.ofSeconds(1));
		assertThat(limiter.tryAcquire("robot")).isZero();
		this.redis.kill();
		// Redis is gone: the local count takes over, and keeps the limit of 20 for this instance
		int granted = 0;
		for (int i = 0; i < 25; i++) {
			if (limiter.tryAcquire("robot").isZero()) {
				granted++;
			}
		}
		assertThat(granted).isEqualTo(20);
		this.redis.restart();
		// once the guard lets Redis be tried again, permits are counted in the (new, empty) Redis again
		String key = limiter.key("robot-b");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!"1".equals(this.redis.cli("ZCARD", key)) && System.nanoTime() < deadline) {
			assertThat(limiter.tryAcquire("robot-b")).isZero();
			Thread.sleep(100);
		}
		assertThat(this.redis.cli("ZCARD", key)).isEqualTo("1");
	}

	@Test
	void aHungRedisCostsOneCommandDeadlineThenIsBypassed() throws Exception {
		RedisWebhookRateLimiter limiter = instance(Duration.ofMinutes(5));
		// one command first, so that the connection is open (the guard allows a first command 5 s)
		assertThat(limiter.tryAcquire("robot")).isZero();
		this.redis.hang();
		long start = System.nanoTime();
		assertThat(limiter.tryAcquire("robot")).isZero();
		// the guard's deadline is 500 ms, far below Lettuce's default of 60 s
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400))
			.isLessThan(Duration.ofSeconds(10));
		start = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.tryAcquire("robot")).isZero();
		}
		// ten more without waiting for the hung Redis (each would otherwise wait for the deadline)
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		this.redis.resume();
		// none of the ten reached Redis; the script that timed out was still queued and may run once Redis
		// resumes, so the shared count holds the first permit and perhaps that one (over-counting, the safe side)
		assertThat(Integer.parseInt(this.redis.cli("ZCARD", limiter.key("robot")))).isBetween(1, 2);
	}

}

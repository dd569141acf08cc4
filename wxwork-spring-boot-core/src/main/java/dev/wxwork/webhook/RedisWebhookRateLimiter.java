package dev.wxwork.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * One sliding-window count per robot for the whole cluster, in a Redis sorted set of send times
 * ({@code <prefix>:webhook:{<fingerprint of the key>}}), trimmed, counted and added to by one Lua script
 * on Redis's own clock, so that instances with skewed clocks still share one window. One key per
 * script, so it runs on Redis Cluster too.
 * <p>
 * The script runs through the application's {@link RedisCommandGuard}: when Redis fails, hangs or is
 * bypassed, each instance counts on its own ({@code fallback}) until the guard lets Redis be tried again.
 */
public final class RedisWebhookRateLimiter implements WebhookRateLimiter {

	// KEYS[1] the robot's set; ARGV[1] the limit, ARGV[2] the window in ms, ARGV[3] a unique member.
	// Answers 0 when a permit was taken, else the milliseconds until the oldest send leaves the window.
	private static final RedisScript<Long> ACQUIRE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local window = tonumber(ARGV[2])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
			if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
			  redis.call('ZADD', KEYS[1], now, ARGV[3])
			  redis.call('PEXPIRE', KEYS[1], window)
			  return 0
			end
			local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(1, tonumber(oldest[2]) + window - now)""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisCommandGuard guard;

	private final String keyPrefix;

	private final int perMinute;

	private final WebhookRateLimiter fallback;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * @param guard the deadline and breaker of every Redis command of the library
	 * @param keyPrefix the prefix of the library's Redis keys ({@code wxwork.redis-key-prefix})
	 * @param fallback the count used while Redis is unavailable
	 */
	public RedisWebhookRateLimiter(RedisConnectionFactory connectionFactory, RedisCommandGuard guard, String keyPrefix,
			int perMinute, WebhookRateLimiter fallback) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
		this.keyPrefix = keyPrefix;
		this.perMinute = perMinute;
		this.fallback = fallback;
	}

	/** The Redis key of a robot's count; the hash tag keeps it on one Cluster slot. */
	public String key(String robot) {
		return this.keyPrefix + ":webhook:{" + robot + "}";
	}

	@Override
	public Duration tryAcquire(String robot) {
		Long wait;
		try {
			wait = this.guard.execute("webhook limit",
					() -> this.redis.execute(ACQUIRE, List.of(key(robot)), String.valueOf(this.perMinute),
							String.valueOf(WINDOW.toMillis()), this.instance + ":" + this.sequence.incrementAndGet()));
		}
		catch (DataAccessException ex) {
			// the guard logs the outage once; count here until it lets Redis be tried again
			return this.fallback.tryAcquire(robot);
		}
		return (wait == null || wait <= 0) ? Duration.ZERO : Duration.ofMillis(wait);
	}

}

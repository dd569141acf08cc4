package dev.wxwork.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One sliding-window count per robot for the whole cluster, in a Redis sorted set of send times
 * ({@code <prefix>:webhook:<fingerprint of the key>}), trimmed, counted and added to by one Lua script
 * on Redis's own clock, so that instances with skewed clocks still share one window.
 * <p>
 * When Redis fails, each instance counts on its own ({@link LocalWebhookRateLimiter}) and Redis is left
 * alone for {@code retryInterval}, so that a hung Redis does not hold every send for its command timeout.
 */
public final class RedisWebhookRateLimiter implements WebhookRateLimiter {

	private static final Log logger = LogFactory.getLog(RedisWebhookRateLimiter.class);

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

	private final String keyPrefix;

	private final int perMinute;

	private final WebhookRateLimiter fallback;

	private final long retryIntervalNanos;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong sequence = new AtomicLong();

	private volatile long bypassUntil;

	private volatile boolean bypassing;

	/**
	 * @param keyPrefix the prefix of the library's Redis keys ({@code wxwork.redis-key-prefix})
	 * @param fallback the count used while Redis fails
	 * @param retryInterval how long Redis is left alone after it failed
	 */
	public RedisWebhookRateLimiter(RedisConnectionFactory connectionFactory, String keyPrefix, int perMinute,
			WebhookRateLimiter fallback, Duration retryInterval) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.perMinute = perMinute;
		this.fallback = fallback;
		this.retryIntervalNanos = retryInterval.toNanos();
	}

	@Override
	public Duration tryAcquire(String robot) {
		if (this.bypassing && System.nanoTime() - this.bypassUntil < 0) {
			return this.fallback.tryAcquire(robot);
		}
		Long wait;
		try {
			wait = this.redis.execute(ACQUIRE, List.of(this.keyPrefix + ":webhook:" + robot),
					String.valueOf(this.perMinute), String.valueOf(WINDOW.toMillis()),
					this.instance + ":" + this.sequence.incrementAndGet());
		}
		catch (RuntimeException ex) {
			if (!this.bypassing) {
				logger.warn("Redis failed for the shared webhook limit (" + ex.getClass().getSimpleName()
						+ "); counting in this instance only for now");
			}
			this.bypassUntil = System.nanoTime() + this.retryIntervalNanos;
			this.bypassing = true;
			return this.fallback.tryAcquire(robot);
		}
		if (this.bypassing) {
			this.bypassing = false;
			logger.info("Redis answers again; the webhook limit is shared by the cluster again");
		}
		return (wait == null || wait <= 0) ? Duration.ZERO : Duration.ofMillis(wait);
	}

}

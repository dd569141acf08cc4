package dev.wxwork.bot;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * Who holds a bot's long connection in a cluster: a Redis key {@code <prefix>:bot-connection:{<bot>}}
 * set with {@code SET NX PX} to this instance's token, renewed (compare-and-{@code PEXPIRE}) and
 * released (compare-and-{@code DEL}) by Lua, so that only the holder touches it. Every command goes
 * through the {@link RedisCommandGuard}: a hung or dead Redis costs one command timeout, not a thread.
 */
public final class BotConnectionLease {

	private static final RedisScript<Long> RENEW = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
			Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final RedisCommandGuard guard;

	private final String key;

	private final String token = UUID.randomUUID().toString();

	private final Duration leaseTime;

	/**
	 * @param connectionFactory the Redis connection
	 * @param guard the application's Redis command guard
	 * @param keyPrefix {@code wxwork.redis-key-prefix}
	 * @param botName the bot's name
	 * @param leaseTime how long the lease lasts without renewal
	 */
	public BotConnectionLease(RedisConnectionFactory connectionFactory, RedisCommandGuard guard, String keyPrefix,
			String botName, Duration leaseTime) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
		// hash-tagged: one slot per bot in a Redis Cluster
		this.key = keyPrefix + ":bot-connection:{" + botName + "}";
		this.leaseTime = leaseTime;
	}

	/** The lease's key. */
	public String key() {
		return this.key;
	}

	/** How long the lease lasts without renewal. */
	public Duration leaseTime() {
		return this.leaseTime;
	}

	/**
	 * Takes the lease if nobody holds it.
	 * @throws dev.wxwork.redis.RedisUnavailableException when Redis does not answer
	 */
	public boolean tryAcquire() {
		return Boolean.TRUE.equals(this.guard.execute("bot connection lease acquire",
				() -> this.redis.opsForValue().setIfAbsent(this.key, this.token, this.leaseTime)));
	}

	/**
	 * Extends the lease if this instance still holds it.
	 * @return false when another instance holds it or nobody does
	 * @throws dev.wxwork.redis.RedisUnavailableException when Redis does not answer
	 */
	public boolean renew() {
		Long renewed = this.guard.execute("bot connection lease renew", () -> this.redis.execute(RENEW,
				List.of(this.key), this.token, String.valueOf(this.leaseTime.toMillis())));
		return renewed != null && renewed == 1L;
	}

	/** Gives the lease up if this instance holds it; a failure is left to expiry. */
	public void release() {
		try {
			this.guard.execute("bot connection lease release",
					() -> this.redis.execute(RELEASE, List.of(this.key), this.token));
		}
		catch (RuntimeException ex) {
			// the lease expires by itself
		}
	}

	@Override
	public String toString() {
		return "BotConnectionLease[" + this.key + "]";
	}

}

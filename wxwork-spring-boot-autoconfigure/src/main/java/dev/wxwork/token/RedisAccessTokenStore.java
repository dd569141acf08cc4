package dev.wxwork.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * Shares tokens through the application's own Redis connection, so that every instance of a service
 * uses one token per secret and only one of them refreshes it.
 * <p>
 * A value is stored as {@code <expiry epoch millis>:<token>} with a matching Redis expiry, so one GET
 * gives both.
 */
public class RedisAccessTokenStore implements AccessTokenStore {

	private static final RedisScript<Long> DELETE_IF_TOKEN_IS = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if not v then return 0 end
			local i = string.find(v, ':', 1, true)
			if i and string.sub(v, i + 1) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private static final RedisScript<Long> DELETE_IF_VALUE_IS = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisCommandGuard guard;

	/**
	 * @param guard gives every command its deadline and shares the breaker with the other users of Redis
	 */
	public RedisAccessTokenStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
	}

	@Override
	public StoredCredential get(String key) {
		String stored = call("token get", () -> this.redis.opsForValue().get(key));
		if (stored == null) {
			return null;
		}
		int separator = stored.indexOf(':');
		if (separator <= 0) {
			return null;
		}
		try {
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(0, separator)));
			return new StoredCredential(stored.substring(separator + 1), expiresAt);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public void put(String key, StoredCredential credential) {
		Duration ttl = Duration.between(Instant.now(), credential.expiresAt());
		if (ttl.toMillis() <= 0) {
			return;
		}
		String value = credential.expiresAt().toEpochMilli() + ":" + credential.value();
		call("token put", () -> {
			this.redis.opsForValue().set(key, value, ttl);
			return null;
		});
	}

	@Override
	public boolean compareAndDelete(String key, String expected) {
		Long deleted = call("token compare-and-delete", () -> this.redis.execute(DELETE_IF_TOKEN_IS, List.of(key), expected));
		return deleted != null && deleted > 0;
	}

	@Override
	public boolean tryLock(String key, String owner, Duration lease) {
		return Boolean.TRUE.equals(call("lock acquire", () -> this.redis.opsForValue().setIfAbsent(key, owner, lease)));
	}

	@Override
	public void unlock(String key, String owner) {
		call("lock release", () -> this.redis.execute(DELETE_IF_VALUE_IS, List.of(key), owner));
	}

	private <T> T call(String operation, Supplier<T> command) {
		try {
			return this.guard.execute(operation, command);
		}
		catch (DataAccessException ex) {
			// The message of a Redis failure names the host, never a key's value.
			throw new TokenStoreUnavailableException("Redis is unavailable: " + ex.getMessage(), ex);
		}
	}

}

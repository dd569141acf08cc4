package dev.wxwork.token;

import java.time.Clock;
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
 * uses one token per secret and only one of them refreshes it. Every command goes through the
 * {@link RedisCommandGuard}: it has its own deadline, and Redis is bypassed for a while after it failed.
 * <p>
 * Per credential key {@code K} (which carries a hash tag, so all of these share one Cluster slot):
 * {@code K} holds {@code <expiry epoch millis>:<refresh-ahead epoch millis>:<token>} with a matching Redis
 * expiry, {@code K:generation} the fence of puts, {@code K:rejected} the last token WeCom rejected,
 * {@code K:failure} a recent refresh failure, and the caller's lock key.
 */
public class RedisAccessTokenStore implements AccessTokenStore {

	// The fence outlives any token (7200 s) by far; it is only dropped for a credential nobody uses.
	private static final String GENERATION_TTL_MILLIS = String.valueOf(Duration.ofDays(1).toMillis());

	// A rejected token is never stored again within WeCom's longest token life.
	private static final String REJECTED_TTL_MILLIS = String.valueOf(Duration.ofHours(2).toMillis());

	private static final RedisScript<Long> PUT_IF_GENERATION_IS = RedisScript.of("""
			local g = tonumber(redis.call('GET', KEYS[2]) or '0')
			if g ~= tonumber(ARGV[1]) then return 0 end
			if redis.call('GET', KEYS[4]) == ARGV[5] then return 0 end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			redis.call('SET', KEYS[2], g + 1, 'PX', ARGV[4])
			redis.call('DEL', KEYS[3])
			return 1""", Long.class);

	private static final RedisScript<Long> DELETE_IF_TOKEN_IS = RedisScript.of("""
			redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
			local v = redis.call('GET', KEYS[1])
			if not v then return 0 end
			local i = string.find(v, ':', 1, true)
			if i then i = string.find(v, ':', i + 1, true) end
			if i and string.sub(v, i + 1) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private static final RedisScript<Long> EXPIRE_IF_VALUE_IS = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 0""", Long.class);

	private static final RedisScript<Long> DELETE_IF_VALUE_IS = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisCommandGuard guard;

	private final Clock clock;

	/**
	 * @param guard gives every command its deadline and shares the breaker with the other users of Redis
	 */
	public RedisAccessTokenStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard) {
		this(connectionFactory, guard, Clock.systemUTC());
	}

	public RedisAccessTokenStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard, Clock clock) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
		this.clock = clock;
	}

	@Override
	public CredentialState read(String key) {
		List<String> values = call("token read",
				() -> this.redis.opsForValue().multiGet(List.of(key, generationKey(key), failureKey(key))));
		if (values == null) {
			return CredentialState.EMPTY;
		}
		return new CredentialState(parse(values.get(0)), parseLong(values.get(1)), RefreshFailure.decode(values.get(2)));
	}

	@Override
	public boolean put(String key, StoredCredential credential, long generation) {
		Duration ttl = Duration.between(this.clock.instant(), credential.expiresAt());
		if (ttl.toMillis() <= 0) {
			return false;
		}
		String value = credential.expiresAt().toEpochMilli() + ":" + credential.refreshAt().toEpochMilli() + ":"
				+ credential.value();
		Long stored = call("token put", () -> this.redis.execute(PUT_IF_GENERATION_IS,
				List.of(key, generationKey(key), failureKey(key), rejectedKey(key)), String.valueOf(generation), value,
				String.valueOf(ttl.toMillis()), GENERATION_TTL_MILLIS, credential.value()));
		return stored != null && stored > 0;
	}

	@Override
	public boolean compareAndDelete(String key, String expected) {
		Long deleted = call("token compare-and-delete", () -> this.redis.execute(DELETE_IF_TOKEN_IS,
				List.of(key, rejectedKey(key)), expected, REJECTED_TTL_MILLIS));
		return deleted != null && deleted > 0;
	}

	@Override
	public void recordFailure(String key, RefreshFailure failure, Duration memory) {
		call("token failure", () -> {
			this.redis.opsForValue().set(failureKey(key), failure.encode(), memory);
			return null;
		});
	}

	@Override
	public boolean tryLock(String key, String owner, Duration lease) {
		return Boolean.TRUE.equals(call("lock acquire", () -> this.redis.opsForValue().setIfAbsent(key, owner, lease)));
	}

	@Override
	public boolean renewLock(String key, String owner, Duration lease) {
		Long renewed = call("lock renew",
				() -> this.redis.execute(EXPIRE_IF_VALUE_IS, List.of(key), owner, String.valueOf(lease.toMillis())));
		return renewed != null && renewed > 0;
	}

	@Override
	public void unlock(String key, String owner) {
		call("lock release", () -> this.redis.execute(DELETE_IF_VALUE_IS, List.of(key), owner));
	}

	private static String generationKey(String key) {
		return key + ":generation";
	}

	private static String rejectedKey(String key) {
		return key + ":rejected";
	}

	private static String failureKey(String key) {
		return key + ":failure";
	}

	private StoredCredential parse(String stored) {
		if (stored == null) {
			return null;
		}
		int first = stored.indexOf(':');
		int second = (first > 0) ? stored.indexOf(':', first + 1) : -1;
		if (second <= first + 1) {
			return null;
		}
		try {
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(0, first)));
			Instant refreshAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(first + 1, second)));
			StoredCredential credential = new StoredCredential(stored.substring(second + 1), expiresAt, refreshAt);
			return credential.isUsableAt(this.clock.instant()) ? credential : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private <T> T call(String operation, Supplier<T> command) {
		try {
			return this.guard.execute(operation, command);
		}
		catch (DataAccessException ex) {
			// The message of a Redis failure names the operation and the host, never a key's value.
			throw new TokenStoreUnavailableException("Redis is unavailable: " + ex.getMessage(), ex);
		}
	}

}

package dev.wxwork.bot;

import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * Keeps stream states and received msgids in the application's Redis, so that any instance answers a
 * stream's refresh polls. A stream is one string key, {@code <prefix>:bot-stream:<id>}: "1" or "0"
 * (finished or not) followed by the whole content, written with one {@code SET ... PX} per update.
 * When Redis fails, the instance that produces the stream still answers from its own memory.
 */
public class RedisBotStreamStore implements BotStreamStore {

	private static final Log logger = LogFactory.getLog(RedisBotStreamStore.class);

	private final StringRedisTemplate redis;

	private final RedisCommandGuard guard;

	private final String streamKeyPrefix;

	/** A store whose every command runs through the application's one guard (deadline and breaker). */
	public RedisBotStreamStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard, String redisKeyPrefix) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
		this.streamKeyPrefix = redisKeyPrefix + ":bot-stream:";
	}

	@Override
	public boolean save(String streamId, BotStreamState state, Duration ttl) {
		try {
			this.guard.run("bot stream save", () -> this.redis.opsForValue()
				.set(this.streamKeyPrefix + streamId, (state.finished() ? "1" : "0") + state.content(), ttl));
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is unavailable; refresh polls of bot stream " + streamId
					+ " reaching another instance cannot be answered (" + ex.getClass().getSimpleName() + ")");
			return false;
		}
	}

	@Override
	public Optional<BotStreamState> load(String streamId) {
		// a Redis failure propagates: "unavailable" must not read as "unknown", which would end the stream
		String value = this.guard.execute("bot stream load", () -> this.redis.opsForValue().get(this.streamKeyPrefix + streamId));
		if (value == null || value.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new BotStreamState(value.substring(1), value.charAt(0) == '1'));
	}

	@Override
	public boolean firstDelivery(String key, Duration window) {
		try {
			return !Boolean.FALSE.equals(
					this.guard.execute("bot dedup mark", () -> this.redis.opsForValue().setIfAbsent(key, "1", window)));
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is unavailable for bot callback deduplication; handling the callback anyway ("
					+ ex.getClass().getSimpleName() + ")");
			return true;
		}
	}

}

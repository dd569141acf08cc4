package dev.wxwork.callback;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Deduplicates across every instance of the service through the application's own Redis: one
 * {@code SET key 1 NX PX window} per callback. When Redis fails, the callback is handled anyway (and a
 * warning logged): a rare duplicate is better than a lost message.
 */
public class RedisCallbackDeduplicator implements CallbackDeduplicator {

	private static final Log logger = LogFactory.getLog(RedisCallbackDeduplicator.class);

	private final StringRedisTemplate redis;

	private final Duration window;

	public RedisCallbackDeduplicator(RedisConnectionFactory connectionFactory, Duration window) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.window = window;
	}

	@Override
	public boolean tryStart(String key) {
		try {
			return !Boolean.FALSE.equals(this.redis.opsForValue().setIfAbsent(key, "1", this.window));
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is unavailable for callback deduplication; handling the callback anyway ("
					+ ex.getClass().getSimpleName() + ")");
			return true;
		}
	}

	@Override
	public void release(String key) {
		try {
			this.redis.delete(key);
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is unavailable; WeCom's retry of a failed callback will be taken for a duplicate ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

}

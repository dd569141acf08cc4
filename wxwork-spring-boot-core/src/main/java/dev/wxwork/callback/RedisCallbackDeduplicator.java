package dev.wxwork.callback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * Deduplicates across every instance of the service through the application's own Redis. A callback
 * is marked in progress with {@code SET key p NX PX lease}, and done with {@code SET key d PX window}
 * once its handler succeeded; a failed one's mark is deleted if it is still in progress.
 * <p>
 * The in-progress lease is short (a sync handler has WeCom's 5 seconds anyway), so that a retry still
 * runs a callback whose first instance died while handling it.
 * <p>
 * Every command goes through the application's {@link RedisCommandGuard}: it has a deadline of its own
 * ({@code wxwork.redis.command-timeout}), and after a failure Redis is bypassed for a while by every
 * feature at once. A callback never waits on a hung Redis: while Redis fails or is bypassed, marks are
 * kept in this JVM's memory instead, so retries that reach this instance are still deduplicated.
 */
public class RedisCallbackDeduplicator implements CallbackDeduplicator, InitializingBean {

	// how long startup waits at most for the connection to be opened
	private static final Duration WARM_UP = Duration.ofSeconds(10);

	/** How long an in-progress mark outlives an instance that died before finishing the callback. */
	public static final Duration DEFAULT_IN_PROGRESS_LEASE = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(RedisCallbackDeduplicator.class);

	private static final String IN_PROGRESS = "p";

	private static final String DONE = "d";

	private static final RedisScript<Long> RELEASE_IN_PROGRESS = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

	private final StringRedisTemplate redis;

	private final Duration window;

	private final Duration lease;

	private final MemoryCallbackDeduplicator fallback;

	private final RedisCommandGuard guard;

	/**
	 * @param guard the deadline and shared breaker of every Redis command
	 * @param window how long a done mark is kept
	 * @param lease how long an in-progress mark is kept (at most the window)
	 * @param fallback where marks are kept while Redis fails
	 */
	public RedisCallbackDeduplicator(RedisConnectionFactory connectionFactory, RedisCommandGuard guard, Duration window,
			Duration lease, MemoryCallbackDeduplicator fallback) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.guard = guard;
		this.window = window;
		this.lease = (lease.compareTo(window) < 0) ? lease : window;
		this.fallback = fallback;
	}

	/**
	 * Opens the Redis connection at startup, outside the command deadline: a client connects lazily, and
	 * the first callback's command would otherwise pay for the connection (seconds on a loaded machine)
	 * and miss the deadline, sending every feature to memory for a while. Bounded; a failure is left to
	 * the guard at the first callback.
	 */
	@Override
	public void afterPropertiesSet() {
		FutureTask<Object> ping = new FutureTask<>(() -> this.redis.execute((RedisCallback<Object>) RedisConnection::ping));
		// its own daemon thread: a hung Redis holds it up to the client's timeout, and nothing else with it
		Thread thread = new Thread(ping, "wxwork-redis-warm-up");
		thread.setDaemon(true);
		thread.start();
		try {
			ping.get(WARM_UP.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.info("Redis did not answer at startup (" + ex.getClass().getSimpleName()
					+ "); callback deduplication uses it once it does");
		}
	}

	@Override
	public boolean tryStart(String key) {
		try {
			return !Boolean.FALSE.equals(this.guard.execute("callback deduplication mark",
					() -> this.redis.opsForValue().setIfAbsent(key, IN_PROGRESS, this.lease)));
		}
		catch (RuntimeException ex) {
			// the guard logs Redis going away and coming back, once each
			return this.fallback.tryStart(key);
		}
	}

	@Override
	public void complete(String key) {
		if (this.fallback.progress(key) != Progress.NONE) {
			this.fallback.complete(key);
		}
		try {
			this.guard.run("callback deduplication mark", () -> this.redis.opsForValue().set(key, DONE, this.window));
		}
		catch (RuntimeException ex) {
			this.fallback.complete(key);
		}
	}

	@Override
	public void release(String key) {
		this.fallback.release(key);
		try {
			this.guard.execute("callback deduplication mark",
					() -> this.redis.execute(RELEASE_IN_PROGRESS, List.of(key), IN_PROGRESS));
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is unavailable; until its in-progress mark expires (" + this.lease
					+ "), WeCom's retries of a failed callback that reach another instance are answered 503 ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	@Override
	public Progress progress(String key) {
		Progress local = this.fallback.progress(key);
		if (local != Progress.NONE) {
			return local;
		}
		try {
			String value = this.guard.execute("callback deduplication mark", () -> this.redis.opsForValue().get(key));
			return DONE.equals(value) ? Progress.DONE : IN_PROGRESS.equals(value) ? Progress.IN_PROGRESS : Progress.NONE;
		}
		catch (RuntimeException ex) {
			return Progress.NONE;
		}
	}

	/** How many marks the in-memory fallback dropped for room before their window ended. */
	public long evictions() {
		return this.fallback.evictions();
	}

}

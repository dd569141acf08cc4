package dev.wxwork.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs every Redis command of this library with its own deadline and one breaker shared by every user
 * (token store, callback deduplication, ...), so that Redis is a helper and never a dependency of a call.
 * <ul>
 * <li>Deadline: a command that has not answered after the command timeout fails with
 * {@link RedisUnavailableException}, whatever the Redis client's own timeout is (Lettuce's default, when
 * {@code spring.data.redis.timeout} is unset, is 60 s; a hung server is not a refused connection). The
 * command runs on a small pool and the caller waits for it with a time limit; an abandoned command is
 * interrupted, which cancels it in Lettuce. Until one command has succeeded, a command may take up to
 * 5 s, since it may have to open the client's lazy connection.</li>
 * <li>Breaker: after a failure or a timeout, Redis is bypassed for the retry interval (commands fail at
 * once with {@link RedisUnavailableException#isBypassed()}), then one command probes it; its success
 * closes the breaker, its failure opens it again. So a hung Redis costs at most one command timeout per
 * retry interval for the whole JVM, not one per caller.</li>
 * </ul>
 * Build it with {@code new} in tests; in an application it is the bean {@value #BEAN_NAME}.
 */
public final class RedisCommandGuard implements AutoCloseable {

	/** Name of the bean the auto-configuration defines. */
	public static final String BEAN_NAME = "wxWorkRedisCommandGuard";

	private static final Log logger = LogFactory.getLog(RedisCommandGuard.class);

	// Commands in flight at once; more fail as unavailable instead of queueing behind a hung server.
	private static final int MAX_IN_FLIGHT = 256;

	// Until a first command has succeeded, a command may have to open the client's connection (and load
	// the client's classes): that is allowed this long, once, instead of bypassing Redis at every startup.
	static final Duration FIRST_COMMAND_TIMEOUT = Duration.ofSeconds(5);

	private volatile boolean connected;

	private final Duration commandTimeout;

	private final Duration retryInterval;

	private final Clock clock;

	private final ThreadPoolExecutor executor;

	private final AtomicBoolean probing = new AtomicBoolean();

	// null while Redis is in use; else the instant from which one command may probe it again.
	private volatile Instant bypassedUntil;

	private volatile String lastFailure;

	private volatile Instant lastFailureAt;

	/**
	 * @param commandTimeout how long one command may take
	 * @param retryInterval how long Redis is bypassed after a failure before it is probed again
	 */
	public RedisCommandGuard(Duration commandTimeout, Duration retryInterval) {
		this(commandTimeout, retryInterval, Clock.systemUTC());
	}

	public RedisCommandGuard(Duration commandTimeout, Duration retryInterval, Clock clock) {
		if (commandTimeout.isNegative() || commandTimeout.isZero()) {
			throw new IllegalArgumentException("The Redis command timeout must be positive");
		}
		this.commandTimeout = commandTimeout;
		this.retryInterval = retryInterval;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, MAX_IN_FLIGHT, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "wxwork-redis-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Runs {@code command} (one Redis command, or a few that belong together) within the command timeout.
	 * @param operation what the command does, for messages and logs (such as "token get"); no values
	 * @return the command's result
	 * @throws RedisUnavailableException when Redis is bypassed, fails, or does not answer in time
	 */
	public <T> T execute(String operation, Supplier<T> command) {
		boolean probe = !admit(operation);
		Future<T> future;
		try {
			future = this.executor.submit(command::get);
		}
		catch (RejectedExecutionException ex) {
			if (probe) {
				this.probing.set(false);
			}
			throw new RedisUnavailableException(operation + ": too many Redis commands in flight", ex, false);
		}
		Duration timeout = this.connected ? this.commandTimeout : longer(this.commandTimeout, FIRST_COMMAND_TIMEOUT);
		try {
			T result = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			this.connected = true;
			succeeded();
			return result;
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw failed(operation, "no answer within " + timeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw failed(operation, String.valueOf(cause.getMessage()), cause);
		}
		catch (CancellationException ex) {
			throw failed(operation, "cancelled", ex);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			if (probe) {
				this.probing.set(false);
			}
			Thread.currentThread().interrupt();
			throw new RedisUnavailableException(operation + ": interrupted while waiting for Redis", ex, false);
		}
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** {@link #execute(String, Supplier)} for a command without a result. */
	public void run(String operation, Runnable command) {
		execute(operation, () -> {
			command.run();
			return null;
		});
	}

	/** Whether commands are bypassed now (Redis failed within the retry interval), without side effects. */
	public boolean isBypassed() {
		Instant until = this.bypassedUntil;
		return until != null && (this.clock.instant().isBefore(until) || this.probing.get());
	}

	/** What the guard last saw of Redis; sends no command. */
	public RedisHealth health() {
		Instant until = this.bypassedUntil;
		return new RedisHealth(until == null, until, this.lastFailure, this.lastFailureAt);
	}

	/** The deadline of one command. */
	public Duration commandTimeout() {
		return this.commandTimeout;
	}

	/** How long Redis is bypassed after a failure. */
	public Duration retryInterval() {
		return this.retryInterval;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "RedisCommandGuard[commandTimeout=" + this.commandTimeout + ", retryInterval=" + this.retryInterval
				+ ", available=" + (this.bypassedUntil == null) + "]";
	}

	/**
	 * Lets the command through or throws. Returns true for an ordinary command, false for the one probe
	 * allowed after the retry interval.
	 */
	private boolean admit(String operation) {
		Instant until = this.bypassedUntil;
		if (until == null) {
			return true;
		}
		if (this.clock.instant().isBefore(until) || !this.probing.compareAndSet(false, true)) {
			throw new RedisUnavailableException(operation + ": Redis is bypassed after a failure ("
					+ this.lastFailure + ")", null, true);
		}
		return false;
	}

	private void succeeded() {
		if (this.bypassedUntil != null) {
			this.bypassedUntil = null;
			this.probing.set(false);
			logger.info("Redis answers again; the wxwork library uses it again");
		}
	}

	private RedisUnavailableException failed(String operation, String reason, Throwable cause) {
		Instant now = this.clock.instant();
		boolean wasAvailable = this.bypassedUntil == null;
		this.lastFailure = operation + ": " + reason;
		this.lastFailureAt = now;
		this.bypassedUntil = now.plus(this.retryInterval);
		this.probing.set(false);
		if (wasAvailable) {
			logger.warn("Redis failed (" + this.lastFailure + "); the wxwork library works from process memory and "
					+ "tries Redis again in " + this.retryInterval.toMillis() + " ms");
		}
		return new RedisUnavailableException(operation + ": Redis failed: " + reason, cause, false);
	}

}

package dev.wxwork.token;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads refreshes run on: callers wait for a refresh with a time limit, and a refresh ahead of
 * expiry runs while callers keep using the current value. At most one refresh per credential runs at a
 * time, so the pool stays as small as the number of credentials. Daemon threads: they never hold a JVM.
 */
final class CredentialRefreshThreads {

	private static final ThreadPoolExecutor refreshes = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
			TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("wxwork-token-refresh-"));

	private static final ScheduledExecutorService renewals = renewals();

	private CredentialRefreshThreads() {
	}

	static void execute(Runnable refresh) {
		refreshes.execute(refresh);
	}

	/** Runs {@code renewal} every {@code period} until the returned future is cancelled. */
	static ScheduledFuture<?> every(Duration period, Runnable renewal) {
		long millis = Math.max(1, period.toMillis());
		return renewals.scheduleWithFixedDelay(renewal, millis, millis, TimeUnit.MILLISECONDS);
	}

	private static ScheduledExecutorService renewals() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon("wxwork-token-lease-"));
		executor.setRemoveOnCancelPolicy(true);
		return Executors.unconfigurableScheduledExecutorService(executor);
	}

	private static ThreadFactory daemon(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

package dev.wxwork.callback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs async handlers in this process: the callback waits in a bounded queue for an executor thread.
 * It is NOT crash-safe: what is queued or running when the process dies (or outlives
 * {@code async-shutdown-timeout} at shutdown) is lost, and WeCom, which has its 200, does not send it
 * again. Use Redis ({@link RedisStreamCallbackHandOff}) for work that must survive.
 * <p>
 * Stops in phase {@link CallbackHandOff#PHASE}: it takes nothing new (WeCom is answered 503 and retries
 * on another instance), and waits for what it holds.
 */
public class MemoryCallbackHandOff implements CallbackHandOff, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MemoryCallbackHandOff.class);

	private final AsyncCallbackRunner runner;

	private final ObservationRegistry observations;

	private final Executor executor;

	private final Duration shutdownTimeout;

	private final CountDownLatch stopping = new CountDownLatch(1);

	private final AtomicInteger held = new AtomicInteger();

	private volatile boolean running;

	/**
	 * @param executor where handlers run: a {@link #boundedExecutor} owned (and shut down) by this
	 * hand-off, or the application's own executor, which it only stops using
	 * @param shutdownTimeout how long stopping waits for queued and running handlers
	 */
	public MemoryCallbackHandOff(AsyncCallbackRunner runner, ObservationRegistry observations, Executor executor,
			Duration shutdownTimeout) {
		this.runner = runner;
		this.observations = observations;
		this.executor = executor;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * A fixed pool of threads with a bounded queue; a callback beyond it is refused (503, WeCom retries).
	 * @param threads where its threads come from: virtual threads, or daemon platform threads
	 */
	public static ExecutorService boundedExecutor(int threads, int queueCapacity, ThreadFactory threadFactory) {
		if (threads < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException("wxwork.callback.async-threads and wxwork.callback.async-queue-capacity "
					+ "must be at least 1, not " + threads + " and " + queueCapacity);
		}
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), threadFactory);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/** Daemon platform threads named {@code wxwork-callback-<n>}. */
	public static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "wxwork-callback-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void register(CallbackEndpoint endpoint) {
	}

	@Override
	public boolean offer(CallbackEndpoint endpoint, SealedCallback sealed, CallbackMessage message) {
		if (this.stopping.getCount() == 0) {
			return false;
		}
		HandedOff task = new HandedOff(endpoint, message, AsyncCallbackRunner.RequestContext.capture(this.observations));
		this.held.incrementAndGet();
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.held.decrementAndGet();
			return false;
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.stopping.countDown();
		try {
			if (this.executor instanceof ExecutorService own) {
				// let acknowledged callbacks finish: WeCom will not send them again
				own.shutdown();
				if (!own.awaitTermination(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
					// they were acknowledged, so WeCom will not send them again: name them for whoever must recover them
					List<Runnable> abandoned = own.shutdownNow();
					logger.warn("Async callback handlers still running after " + this.shutdownTimeout + "; abandoning "
							+ abandoned.size() + " queued callbacks: " + abandoned);
				}
			}
			else {
				long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
				while (this.held.get() > 0 && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				if (this.held.get() > 0) {
					logger.warn("Async callback handlers still running or queued after " + this.shutdownTimeout + ": "
							+ this.held.get() + " acknowledged callbacks may be lost");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** An acknowledged callback waiting for its handler; named by its identity if shutdown abandons it. */
	private final class HandedOff implements Runnable {

		private final CallbackEndpoint endpoint;

		private final CallbackMessage message;

		private final AsyncCallbackRunner.RequestContext context;

		HandedOff(CallbackEndpoint endpoint, CallbackMessage message, AsyncCallbackRunner.RequestContext context) {
			this.endpoint = endpoint;
			this.message = message;
			this.context = context;
		}

		@Override
		public void run() {
			try {
				FailedCallback failure = MemoryCallbackHandOff.this.runner.run(this.endpoint, this.message, this.context,
						MemoryCallbackHandOff.this.stopping, null);
				if (failure != null) {
					MemoryCallbackHandOff.this.runner.giveUp(failure);
				}
			}
			catch (InterruptedException ex) {
				logger.warn("Stopped before retrying the async handler of " + this + "; it is lost (acknowledged to WeCom)");
			}
			finally {
				MemoryCallbackHandOff.this.held.decrementAndGet();
			}
		}

		@Override
		public String toString() {
			return this.message + " to app '" + this.endpoint.agentName() + "'";
		}

	}

}

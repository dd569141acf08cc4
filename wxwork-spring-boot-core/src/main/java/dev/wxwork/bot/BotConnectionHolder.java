package dev.wxwork.bot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes one instance of a cluster hold a bot's long connection (WeCom keeps one connection per bot and a
 * new one evicts the old): the instance that holds the {@link BotConnectionLease} connects, the others
 * stand by and try to take the lease every third of its time. A holder that cannot renew before its
 * lease runs out closes its connection, since a standby may take over then; a holder evicted by WeCom
 * (a newer connection from elsewhere) stops and releases the lease.
 */
public final class BotConnectionHolder {

	private static final Log logger = LogFactory.getLog(BotConnectionHolder.class);

	private final BotLongConnection connection;

	private final BotConnectionLease lease;

	private final long leaseNanos;

	private final long intervalMillis;

	private final ScheduledExecutorService scheduler;

	// guarded by this
	private ScheduledFuture<?> task;

	private boolean holding;

	private boolean stopped;

	private long deadline;

	public BotConnectionHolder(BotLongConnection connection, BotConnectionLease lease) {
		this.connection = connection;
		this.lease = lease;
		this.leaseNanos = lease.leaseTime().toNanos();
		this.intervalMillis = Math.max(1, lease.leaseTime().toMillis() / 3);
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "wxwork-bot-" + connection.botName() + "-lease");
			thread.setDaemon(true);
			return thread;
		});
		connection.setOnEvicted(this::evicted);
	}

	/** Starts contending for the lease. */
	public synchronized void start() {
		if (this.task != null) {
			return;
		}
		this.stopped = false;
		this.task = this.scheduler.scheduleWithFixedDelay(this::tick, 0, this.intervalMillis, TimeUnit.MILLISECONDS);
	}

	/** Whether this instance holds the lease now. */
	public synchronized boolean isHolding() {
		return this.holding;
	}

	/** The connection this holder drives. */
	public BotLongConnection connection() {
		return this.connection;
	}

	private void tick() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
		}
		long started = System.nanoTime();
		if (isHolding()) {
			Boolean renewed;
			try {
				renewed = this.lease.renew();
			}
			catch (RuntimeException ex) {
				renewed = null;
			}
			synchronized (this) {
				if (Boolean.TRUE.equals(renewed)) {
					this.deadline = started + this.leaseNanos;
					return;
				}
				// not renewed: step down now if another may hold it, or before the lease can run out
				if (renewed == null && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.intervalMillis) < this.deadline) {
					return;
				}
				this.holding = false;
			}
			logger.warn("Bot '" + this.connection.botName() + "' "
					+ ((renewed == null) ? "cannot renew its connection lease in Redis before it runs out"
							: "lost its connection lease")
					+ "; closing its long connection so that another instance may hold it");
			this.connection.stop();
			return;
		}
		boolean acquired;
		try {
			acquired = this.lease.tryAcquire();
		}
		catch (RuntimeException ex) {
			return;
		}
		if (acquired) {
			synchronized (this) {
				if (this.stopped) {
					this.lease.release();
					return;
				}
				this.holding = true;
				this.deadline = started + this.leaseNanos;
			}
			logger.info("Bot '" + this.connection.botName() + "' holds its connection lease; connecting");
			this.connection.start();
		}
	}

	private void evicted() {
		synchronized (this) {
			this.stopped = true;
			this.holding = false;
			if (this.task != null) {
				this.task.cancel(false);
			}
		}
		this.lease.release();
	}

	/** Closes the connection if held, releases the lease, and stops contending. */
	public void stop() {
		boolean wasHolding;
		synchronized (this) {
			this.stopped = true;
			wasHolding = this.holding;
			this.holding = false;
			if (this.task != null) {
				this.task.cancel(false);
				this.task = null;
			}
		}
		this.connection.stop();
		if (wasHolding) {
			this.lease.release();
		}
	}

	/** Stops for good and frees the thread. */
	public void destroy() {
		stop();
		this.connection.destroy();
		this.scheduler.shutdownNow();
	}

	/** Stops the lease thread without releasing, closing or stepping down: what a killed instance leaves behind. */
	void halt() {
		this.scheduler.shutdownNow();
	}

}

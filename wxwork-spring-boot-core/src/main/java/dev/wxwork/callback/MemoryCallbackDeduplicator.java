package dev.wxwork.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Deduplicates in this JVM only: marks expire after the window, and at most {@code capacity} are kept
 * (the oldest go first), so memory stays bounded under any load. A mark dropped for room before its
 * window ended shortens the window: such evictions are counted ({@link #evictions()}) and logged.
 */
public class MemoryCallbackDeduplicator implements CallbackDeduplicator {

	private static final Log logger = LogFactory.getLog(MemoryCallbackDeduplicator.class);

	private static final long LOG_INTERVAL_MILLIS = 60_000;

	private final long windowMillis;

	private final int capacity;

	private final Clock clock;

	// insertion order is expiry order, since every mark lives for the same window from its start
	private final LinkedHashMap<String, Mark> marks = new LinkedHashMap<>();

	private final AtomicLong evictions = new AtomicLong();

	private long evictionsLogged;

	private long lastLogMillis = Long.MIN_VALUE;

	public MemoryCallbackDeduplicator(Duration window, int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("wxwork.callback.deduplication-capacity must be positive, not " + capacity);
		}
		this.windowMillis = window.toMillis();
		this.capacity = capacity;
		this.clock = clock;
	}

	public MemoryCallbackDeduplicator(Duration window) {
		this(window, 100_000, Clock.systemUTC());
	}

	@Override
	public synchronized boolean tryStart(String key) {
		long now = this.clock.millis();
		Iterator<Mark> oldest = this.marks.values().iterator();
		while (oldest.hasNext() && oldest.next().expiry <= now) {
			oldest.remove();
		}
		if (this.marks.containsKey(key)) {
			return false;
		}
		add(key, new Mark(now + this.windowMillis), now);
		return true;
	}

	private void add(String key, Mark mark, long now) {
		this.marks.put(key, mark);
		if (this.marks.size() > this.capacity) {
			Iterator<Mark> eldest = this.marks.values().iterator();
			eldest.next();
			eldest.remove();
			evicted(now);
		}
	}

	private void evicted(long now) {
		long count = this.evictions.incrementAndGet();
		// at most one line a minute: under the load that causes evictions, one line per callback would flood the log
		if (now - this.lastLogMillis >= LOG_INTERVAL_MILLIS || this.lastLogMillis == Long.MIN_VALUE) {
			logger.warn("In-memory callback deduplication is full (wxwork.callback.deduplication-capacity=" + this.capacity
					+ "): " + (count - this.evictionsLogged) + " marks dropped before wxwork.callback.deduplication-window ended"
					+ ", so WeCom's retries of those callbacks would run their handlers again; raise the capacity or use Redis");
			this.evictionsLogged = count;
			this.lastLogMillis = now;
		}
	}

	@Override
	public synchronized void complete(String key) {
		Mark mark = this.marks.get(key);
		if (mark != null) {
			mark.done = true;
		}
		else {
			// dropped for room while its handler ran: remembered again, as the newest
			long now = this.clock.millis();
			Mark done = new Mark(now + this.windowMillis);
			done.done = true;
			add(key, done, now);
		}
	}

	@Override
	public synchronized void release(String key) {
		this.marks.remove(key);
	}

	@Override
	public synchronized Progress progress(String key) {
		Mark mark = this.marks.get(key);
		if (mark == null || mark.expiry <= this.clock.millis()) {
			return Progress.NONE;
		}
		return mark.done ? Progress.DONE : Progress.IN_PROGRESS;
	}

	/** How many marks are kept now. */
	public synchronized int size() {
		return this.marks.size();
	}

	/** How many marks were dropped for room before their window ended, since startup. */
	public long evictions() {
		return this.evictions.get();
	}

	private static final class Mark {

		private final long expiry;

		private boolean done;

		Mark(long expiry) {
			this.expiry = expiry;
		}

	}

}

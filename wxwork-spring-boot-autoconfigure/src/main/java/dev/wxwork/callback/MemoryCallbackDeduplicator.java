package dev.wxwork.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deduplicates in this JVM only: marks expire after the window, and at most {@code capacity} are kept
 * (the oldest go first), so memory stays bounded under any load.
 */
public class MemoryCallbackDeduplicator implements CallbackDeduplicator {

	private final long windowMillis;

	private final int capacity;

	private final Clock clock;

	// insertion order is expiry order, since every mark lives for the same window
	private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

	public MemoryCallbackDeduplicator(Duration window, int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
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
		Iterator<Map.Entry<String, Long>> oldest = this.expiries.entrySet().iterator();
		while (oldest.hasNext() && oldest.next().getValue() <= now) {
			oldest.remove();
		}
		if (this.expiries.containsKey(key)) {
			return false;
		}
		this.expiries.put(key, now + this.windowMillis);
		if (this.expiries.size() > this.capacity) {
			Iterator<String> eldest = this.expiries.keySet().iterator();
			eldest.next();
			eldest.remove();
		}
		return true;
	}

	@Override
	public synchronized void release(String key) {
		this.expiries.remove(key);
	}

	/** How many marks are kept now. */
	public synchronized int size() {
		return this.expiries.size();
	}

}

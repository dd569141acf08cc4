package dev.wxwork.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps stream states and received msgids in this JVM only (one instance, or a load balancer that
 * sends a conversation's polls to one instance). Entries expire, and at most {@code capacity} of each
 * kind are kept, the oldest dropped first, so memory stays bounded under any load.
 */
public class MemoryBotStreamStore implements BotStreamStore {

	private final int streamCapacity;

	private final int receivedCapacity;

	private final Clock clock;

	private final LinkedHashMap<String, Entry<BotStreamState>> streams = new LinkedHashMap<>();

	private final LinkedHashMap<String, Entry<Boolean>> received = new LinkedHashMap<>();

	/**
	 * @param streamCapacity how many stream states are kept at most (each up to 20 KB of text)
	 * @param receivedCapacity how many received msgids are kept at most
	 */
	public MemoryBotStreamStore(int streamCapacity, int receivedCapacity, Clock clock) {
		if (streamCapacity < 1 || receivedCapacity < 1) {
			throw new IllegalArgumentException("capacities must be positive");
		}
		this.streamCapacity = streamCapacity;
		this.receivedCapacity = receivedCapacity;
		this.clock = clock;
	}

	@Override
	public synchronized boolean save(String streamId, BotStreamState state, Duration ttl) {
		long now = this.clock.millis();
		expire(this.streams, now);
		// removed first so that insertion order stays expiry order
		this.streams.remove(streamId);
		this.streams.put(streamId, new Entry<>(state, now + ttl.toMillis()));
		trim(this.streams, this.streamCapacity);
		return true;
	}

	@Override
	public synchronized Optional<BotStreamState> load(String streamId) {
		expire(this.streams, this.clock.millis());
		Entry<BotStreamState> entry = this.streams.get(streamId);
		return (entry != null) ? Optional.of(entry.value()) : Optional.empty();
	}

	@Override
	public synchronized boolean firstDelivery(String key, Duration window) {
		long now = this.clock.millis();
		expire(this.received, now);
		if (this.received.containsKey(key)) {
			return false;
		}
		this.received.put(key, new Entry<>(Boolean.TRUE, now + window.toMillis()));
		trim(this.received, this.receivedCapacity);
		return true;
	}

	private static void expire(LinkedHashMap<String, ? extends Entry<?>> entries, long now) {
		// entries of one map share their lifetime in practice, so the oldest expire first; a longer-lived
		// entry behind an expired one only waits for its turn
		Iterator<? extends Map.Entry<String, ? extends Entry<?>>> oldest = entries.entrySet().iterator();
		while (oldest.hasNext() && oldest.next().getValue().expiresAt() <= now) {
			oldest.remove();
		}
	}

	private static void trim(LinkedHashMap<String, ?> entries, int capacity) {
		while (entries.size() > capacity) {
			Iterator<String> eldest = entries.keySet().iterator();
			eldest.next();
			eldest.remove();
		}
	}

	/** How many stream states are kept now. */
	public synchronized int streamCount() {
		return this.streams.size();
	}

	private record Entry<T>(T value, long expiresAt) {

	}

}

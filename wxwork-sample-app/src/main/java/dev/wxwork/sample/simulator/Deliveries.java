package dev.wxwork.sample.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.wxwork.test.SentMessage;

/**
 * Every text message the stand-in delivered since it started, counted per member and content, for
 * {@code /simulator/deliveries}: so that a test can tell a welcome that never arrived from one that
 * arrived twice. Fed by {@link dev.wxwork.test.WeComStandIn#onMessage}.
 */
final class Deliveries {

	// Bounded: a test sends hundreds, never this many.
	private static final int MAX_KEYS = 100_000;

	private final Map<Delivery.Key, AtomicLong> counts = new ConcurrentHashMap<>();

	/** Counts a delivered message, if it is a text, once per member it reached. */
	void count(SentMessage message) {
		if (!"text".equals(message.msgType())) {
			return;
		}
		String content = message.content();
		for (String user : message.toUsers()) {
			if (this.counts.size() < MAX_KEYS || this.counts.containsKey(new Delivery.Key(user, content))) {
				this.counts.computeIfAbsent(new Delivery.Key(user, content), (key) -> new AtomicLong()).incrementAndGet();
			}
		}
	}

	List<Delivery> list() {
		return this.counts.entrySet()
			.stream()
			.map((entry) -> new Delivery(entry.getKey().toUser(), entry.getKey().content(), entry.getValue().get()))
			.toList();
	}

	/**
	 * A text message as it arrived, and how often.
	 *
	 * @param toUser a member it reached
	 * @param content the text
	 * @param count how many times it was delivered
	 */
	record Delivery(String toUser, String content, long count) {

		record Key(String toUser, String content) {
		}

	}

}

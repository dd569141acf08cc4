package dev.wxwork.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window count in this JVM: at most {@code perMinute} messages per robot in any 60 seconds,
 * which keeps under WeCom's limit however WeCom aligns its own window.
 */
public final class LocalWebhookRateLimiter implements WebhookRateLimiter {

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

	public LocalWebhookRateLimiter(int perMinute, Clock clock) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("perMinute must be at least 1");
		}
		this.perMinute = perMinute;
		this.clock = clock;
	}

	@Override
	public Duration tryAcquire(String robot) {
		Deque<Long> times = this.sent.computeIfAbsent(robot, (key) -> new ArrayDeque<>());
		synchronized (times) {
			long now = this.clock.millis();
			long windowStart = now - WINDOW.toMillis();
			while (!times.isEmpty() && times.peekFirst() <= windowStart) {
				times.pollFirst();
			}
			if (times.size() < this.perMinute) {
				times.addLast(now);
				return Duration.ZERO;
			}
			return Duration.ofMillis(Math.max(1, times.peekFirst() - windowStart));
		}
	}

}

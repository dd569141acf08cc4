package dev.wxwork.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounds for retrying busy (-1) and rate-limited (45009, 45033) calls: exponential backoff with full
 * jitter, so that many callers limited at once do not come back at once.
 * @param maxAttempts how many retries one call may make
 * @param initialBackoff the backoff cap before the first retry
 * @param maxBackoff the largest backoff cap
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	public static RetryPolicy defaults() {
		return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(3));
	}

	/** A random pause in [0, min(maxBackoff, initialBackoff * 2^retry)]. */
	public Duration backoff(int retry) {
		long cap = this.initialBackoff.toMillis() << Math.min(retry, 20);
		cap = Math.min(Math.max(cap, 0), this.maxBackoff.toMillis());
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
	}

}

package dev.wxwork.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.wxwork.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LocalWebhookRateLimiterTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final LocalWebhookRateLimiter limiter = new LocalWebhookRateLimiter(20, this.clock);

	@Test
	void allowsTwentyInAnySixtySecondsPerRobot() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.tryAcquire("robot")).isZero();
			this.clock.advance(Duration.ofSeconds(1));
		}
		// the first permit was taken 20 s ago: it frees up in 40 s
		assertThat(this.limiter.tryAcquire("robot")).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.limiter.tryAcquire("other robot")).isZero();
		this.clock.advance(Duration.ofSeconds(40).minusMillis(1));
		assertThat(this.limiter.tryAcquire("robot")).isEqualTo(Duration.ofMillis(1));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire("robot")).isZero();
		assertThat(this.limiter.tryAcquire("robot")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void neverLetsTwentyOneThroughAcrossAMinuteBoundary() {
		// 20 at 00:59, then 00:01 later: a fixed per-minute window would allow 20 more
		this.clock.advance(Duration.ofSeconds(59));
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.tryAcquire("robot")).isZero();
		}
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.limiter.tryAcquire("robot")).isEqualTo(Duration.ofSeconds(58));
	}

}

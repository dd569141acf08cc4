package dev.wxwork.callback;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.wxwork.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryCallbackDeduplicatorTest {

	private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));

	@Test
	void takesACallbackOnceWithinTheWindowAndAgainAfterIt() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, this.clock);
		assertThat(deduplicator.tryStart("a")).isTrue();
		assertThat(deduplicator.tryStart("a")).isFalse();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(deduplicator.tryStart("a")).isTrue();
	}

	@Test
	void releasingLetsTheRetryThrough() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, this.clock);
		deduplicator.tryStart("a");
		deduplicator.release("a");
		assertThat(deduplicator.tryStart("a")).isTrue();
	}

	@Test
	void staysBoundedUnderAFloodOfDistinctCallbacks() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofHours(1), 1000, this.clock);
		for (int i = 0; i < 50_000; i++) {
			assertThat(deduplicator.tryStart("msg-" + i)).isTrue();
		}
		assertThat(deduplicator.size()).isEqualTo(1000);
		assertThat(deduplicator.tryStart("msg-49999")).isFalse();
		// every mark dropped before its hour was up shortened the window, and is counted
		assertThat(deduplicator.evictions()).isEqualTo(49_000);
	}

	@Test
	void countsNoEvictionWhenMarksExpireOnTheirOwn() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofSeconds(1), 10, this.clock);
		for (int i = 0; i < 100; i++) {
			assertThat(deduplicator.tryStart("msg-" + i)).isTrue();
			this.clock.advance(Duration.ofMillis(200));
		}
		assertThat(deduplicator.evictions()).isZero();
	}

	@Test
	void aMarkIsInProgressUntilCompletedThenDoneForTheWindow() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 100, this.clock);
		assertThat(deduplicator.progress("a")).isEqualTo(CallbackDeduplicator.Progress.NONE);
		deduplicator.tryStart("a");
		assertThat(deduplicator.progress("a")).isEqualTo(CallbackDeduplicator.Progress.IN_PROGRESS);
		deduplicator.complete("a");
		assertThat(deduplicator.progress("a")).isEqualTo(CallbackDeduplicator.Progress.DONE);
		assertThat(deduplicator.tryStart("a")).isFalse();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(deduplicator.progress("a")).isEqualTo(CallbackDeduplicator.Progress.NONE);
		deduplicator.tryStart("b");
		deduplicator.release("b");
		assertThat(deduplicator.progress("b")).isEqualTo(CallbackDeduplicator.Progress.NONE);
	}

	@Test
	void forgetsExpiredMarksAsTimePasses() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofSeconds(1), 1000, this.clock);
		for (int i = 0; i < 500; i++) {
			deduplicator.tryStart("msg-" + i);
		}
		this.clock.advance(Duration.ofMillis(1001));
		deduplicator.tryStart("later");
		assertThat(deduplicator.size()).isEqualTo(1);
	}

}

package dev.wxwork.bot;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.wxwork.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory store stays bounded: entries expire, and the oldest go first beyond the capacity. */
class MemoryBotStreamStoreTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final MemoryBotStreamStore store = new MemoryBotStreamStore(2, 3, this.clock);

	@Test
	void keepsTheLatestStateOfAStreamUntilItExpires() {
		this.store.save("a", new BotStreamState("1", false), Duration.ofMinutes(1));
		this.store.save("a", new BotStreamState("12", true), Duration.ofMinutes(1));
		assertThat(this.store.load("a")).contains(new BotStreamState("12", true));
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.store.load("a")).isEmpty();
	}

	@Test
	void dropsTheOldestStreamBeyondItsCapacity() {
		this.store.save("a", new BotStreamState("a", false), Duration.ofMinutes(1));
		this.store.save("b", new BotStreamState("b", false), Duration.ofMinutes(1));
		this.store.save("a", new BotStreamState("a2", false), Duration.ofMinutes(1));
		this.store.save("c", new BotStreamState("c", false), Duration.ofMinutes(1));
		assertThat(this.store.streamCount()).isEqualTo(2);
		assertThat(this.store.load("b")).isEmpty();
		assertThat(this.store.load("a")).contains(new BotStreamState("a2", false));
	}

	@Test
	void tellsARepeatedMsgidWithinItsWindow() {
		assertThat(this.store.firstDelivery("m1", Duration.ofMinutes(10))).isTrue();
		assertThat(this.store.firstDelivery("m1", Duration.ofMinutes(10))).isFalse();
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.store.firstDelivery("m1", Duration.ofMinutes(10))).isTrue();
	}

}

package dev.wxwork.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.wxwork.callback.MemoryCallbackDeduplicator;

import static org.assertj.core.api.Assertions.assertThat;

/** In-memory deduplication marks dropped before their window ended are a metric. */
class CallbackDeduplicationMetricsTest {

	@Test
	void countsEvictionsThatShortenTheWindow() {
		MemoryCallbackDeduplicator deduplicator = new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 2,
				Clock.systemUTC());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new CallbackDeduplicationMetrics(deduplicator).bindTo(registry);
		for (int i = 0; i < 5; i++) {
			deduplicator.tryStart("callback-" + i);
		}
		assertThat(registry.get("wxwork.callback.deduplication.evictions").functionCounter().count()).isEqualTo(3.0);
	}

}

package dev.wxwork.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.RedisCallbackDeduplicator;

/**
 * Counts {@code wxwork.callback.deduplication.evictions}: in-memory marks dropped for room before the
 * deduplication window ended, each a callback whose retry would run its handler again.
 */
final class CallbackDeduplicationMetrics implements MeterBinder {

	private final CallbackDeduplicator deduplicator;

	CallbackDeduplicationMetrics(CallbackDeduplicator deduplicator) {
		this.deduplicator = deduplicator;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		ToDoubleFunction<CallbackDeduplicator> evictions = evictions(this.deduplicator);
		if (evictions != null) {
			FunctionCounter.builder("wxwork.callback.deduplication.evictions", this.deduplicator, evictions)
				.description("Callback deduplication marks dropped for room before wxwork.callback.deduplication-window ended")
				.register(registry);
		}
	}

	private static ToDoubleFunction<CallbackDeduplicator> evictions(CallbackDeduplicator deduplicator) {
		if (deduplicator instanceof MemoryCallbackDeduplicator) {
			return (memory) -> ((MemoryCallbackDeduplicator) memory).evictions();
		}
		if (deduplicator instanceof RedisCallbackDeduplicator) {
			return (redis) -> ((RedisCallbackDeduplicator) redis).evictions();
		}
		return null;
	}

}

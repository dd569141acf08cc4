package dev.wxwork.autoconfigure;

import java.time.Clock;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.CallbackEndpoint;
import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.CallbackHandlerMapping;
import dev.wxwork.callback.MemoryCallbackDeduplicator;

/** Turns the callback part of {@link WxWorkProperties} into the callback package's plain objects. */
final class WxWorkCallbackBeans {

	private WxWorkCallbackBeans() {
	}

	static CallbackEndpointRegistrar registrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			WxWorkProperties properties, CallbackDeduplicator deduplicator, Clock clock) {
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		return new CallbackEndpointRegistrar(mapping, agents, (name) -> secret(properties, name), deduplicator,
				new CallbackEndpoint.Settings(callback.getTimestampTolerance(), callback.getMaxBodySize(),
						properties.getRedisKeyPrefix(), callback.getRetryWait()),
				new CallbackEndpointRegistrar.AsyncSettings(callback.getAsyncThreads(), callback.getAsyncQueueCapacity(),
						callback.getAsyncShutdownTimeout()),
				clock);
	}

	static MemoryCallbackDeduplicator memoryDeduplicator(WxWorkProperties properties) {
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		return new MemoryCallbackDeduplicator(callback.getDeduplicationWindow(), callback.getDeduplicationCapacity(),
				Clock.systemUTC());
	}

	static void checkMemoryDeduplicationWanted(WxWorkProperties properties) {
		if (properties.getCallback().getDeduplication() == WxWorkProperties.DeduplicationStore.REDIS) {
			throw new WxWorkConfigurationException("wxwork.callback.deduplication is 'redis' but the application has no "
					+ "RedisConnectionFactory: add spring-boot-starter-data-redis and spring.data.redis.*, "
					+ "or set wxwork.callback.deduplication=memory");
		}
	}

	private static CallbackEndpointRegistrar.CallbackSecret secret(WxWorkProperties properties, String name) {
		WxWorkProperties.Agent agent = properties.getAgents().get(name);
		if (agent == null) {
			return null;
		}
		return new CallbackEndpointRegistrar.CallbackSecret(agent.getCallback().getToken(),
				agent.getCallback().getEncodingAesKey());
	}

}

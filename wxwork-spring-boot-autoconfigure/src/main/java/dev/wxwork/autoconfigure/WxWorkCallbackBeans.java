package dev.wxwork.autoconfigure;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.callback.AsyncCallbackRunner;
import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.CallbackEndpoint;
import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.CallbackErrorHandler;
import dev.wxwork.callback.CallbackHandOff;
import dev.wxwork.callback.CallbackHandlerMapping;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.MemoryCallbackHandOff;
import dev.wxwork.callback.RedisStreamCallbackHandOff;

/** Turns the callback part of {@link WxWorkProperties} into the callback package's plain objects. */
final class WxWorkCallbackBeans {

	private WxWorkCallbackBeans() {
	}

	static CallbackEndpointRegistrar registrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			WxWorkProperties properties, CallbackDeduplicator deduplicator, CallbackHandOff handOff, Clock clock) {
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		return new CallbackEndpointRegistrar(mapping, agents, (name) -> secret(properties, name), deduplicator,
				new CallbackEndpoint.Settings(callback.getTimestampTolerance(), callback.getMaxBodySize(),
						properties.getRedisKeyPrefix(), callback.getRetryWait()),
				handOff, clock);
	}

	static MemoryCallbackHandOff memoryHandOff(WxWorkProperties properties, CallbackErrorHandler errorHandler,
			ObservationRegistry observations, Executor applicationExecutor, Environment environment) {
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		if (callback.getAsync().getStore() == WxWorkProperties.Async.Store.REDIS) {
			throw new WxWorkConfigurationException("wxwork.callback.async.store is redis, but the application has no Redis "
					+ "connection: add spring-boot-starter-data-redis and set spring.data.redis.host");
		}
		Executor executor = (applicationExecutor != null) ? applicationExecutor
				: MemoryCallbackHandOff.boundedExecutor(callback.getAsyncThreads(), callback.getAsyncQueueCapacity(),
						virtualThreads(environment)
								? new VirtualThreadTaskExecutor("wxwork-callback-").getVirtualThreadFactory()
								: MemoryCallbackHandOff.daemonThreads());
		return new MemoryCallbackHandOff(runner(callback, errorHandler, observations), observations, executor,
				callback.getAsyncShutdownTimeout());
	}

	static RedisStreamCallbackHandOff redisHandOff(RedisConnectionFactory connectionFactory, WxWorkProperties properties,
			CallbackErrorHandler errorHandler, ObservationRegistry observations, Executor applicationExecutor,
			Environment environment) {
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		Executor executor = applicationExecutor;
		if (executor == null) {
			SimpleAsyncTaskExecutor consumers = new SimpleAsyncTaskExecutor("wxwork-callback-");
			consumers.setDaemon(true);
			consumers.setVirtualThreads(virtualThreads(environment));
			executor = consumers;
		}
		return new RedisStreamCallbackHandOff(connectionFactory, runner(callback, errorHandler, observations),
				new RedisStreamCallbackHandOff.Settings(properties.getRedisKeyPrefix(), callback.getAsyncThreads(),
						callback.getAsync().getPollTimeout(), callback.getAsync().getClaimIdleTimeout(),
						callback.getAsyncShutdownTimeout(), null),
				executor);
	}

	private static AsyncCallbackRunner runner(WxWorkProperties.CallbackSettings callback, CallbackErrorHandler errorHandler,
			ObservationRegistry observations) {
		WxWorkProperties.Async async = callback.getAsync();
		return new AsyncCallbackRunner(new AsyncCallbackRunner.RetrySettings(async.getMaxAttempts(), async.getRetryBackoff(),
				async.getRetryMaxBackoff()), observations, errorHandler);
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

	// what Boot's Threading.VIRTUAL.isActive checks (Boot 3.5 and 4 keep Threading in different packages)
	static boolean virtualThreads(Environment environment) {
		return Runtime.version().feature() >= 21
				&& environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
	}

}

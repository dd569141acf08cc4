package dev.wxwork.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.callback.CallbackErrorHandler;
import dev.wxwork.callback.CallbackHandOff;
import dev.wxwork.callback.LoggingCallbackErrorHandler;
import dev.wxwork.callback.MemoryCallbackHandOff;
import dev.wxwork.callback.RedisStreamCallbackHandOff;
import dev.wxwork.redis.RedisCommandGuard;

/**
 * Where callbacks for async handlers wait: a Redis Stream when the application has a Redis connection and
 * {@code wxwork.callback.async.store} is redis (by default: when {@code wxwork.token-store} is not memory),
 * else this process's queue. The executor is the application's {@code wxWorkCallbackExecutor} bean when
 * it declares one. Imported in this order.
 */
final class CallbackHandOffConfigurations {

	/** The name of the application's own executor for async callback handlers. */
	static final String EXECUTOR_BEAN_NAME = "wxWorkCallbackExecutor";

	private CallbackHandOffConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	static class ErrorHandler {

		@Bean
		@ConditionalOnMissingBean
		CallbackErrorHandler wxWorkCallbackErrorHandler() {
			return new LoggingCallbackErrorHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@Conditional(OnRedisHandOffCondition.class)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(CallbackHandOff.class)
		RedisStreamCallbackHandOff wxWorkCallbackHandOff(RedisConnectionFactory connectionFactory,
				WxWorkProperties properties, CallbackErrorHandler errorHandler,
				ObjectProvider<ObservationRegistry> observations,
				@Qualifier(EXECUTOR_BEAN_NAME) ObjectProvider<TaskExecutor> executor,
				ObjectProvider<RedisCommandGuard> guard, Environment environment) {
			RedisStreamCallbackHandOff handOff = WxWorkCallbackBeans.redisHandOff(connectionFactory, properties,
					errorHandler, observations.getIfAvailable(() -> ObservationRegistry.NOOP), executor.getIfAvailable(),
					environment);
			handOff.setCommandGuard(guard.getIfAvailable());
			return handOff;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(CallbackHandOff.class)
		MemoryCallbackHandOff wxWorkCallbackHandOff(WxWorkProperties properties, CallbackErrorHandler errorHandler,
				ObjectProvider<ObservationRegistry> observations,
				@Qualifier(EXECUTOR_BEAN_NAME) ObjectProvider<TaskExecutor> executor, Environment environment) {
			return WxWorkCallbackBeans.memoryHandOff(properties, errorHandler,
					observations.getIfAvailable(() -> ObservationRegistry.NOOP), executor.getIfAvailable(), environment);
		}

	}

	/** {@code wxwork.callback.async.store=redis}, or unset and {@code wxwork.token-store} not memory. */
	static class OnRedisHandOffCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(context.getEnvironment()));
			WxWorkProperties.Async.Store store = properties.getCallback().getAsync().getStore();
			if (store != null) {
				return (store == WxWorkProperties.Async.Store.REDIS)
						? ConditionOutcome.match("wxwork.callback.async.store is redis")
						: ConditionOutcome.noMatch("wxwork.callback.async.store is memory");
			}
			return (properties.getTokenStore() != WxWorkProperties.TokenStoreType.MEMORY)
					? ConditionOutcome.match("wxwork.token-store is not memory")
					: ConditionOutcome.noMatch("wxwork.token-store is memory");
		}

	}

}

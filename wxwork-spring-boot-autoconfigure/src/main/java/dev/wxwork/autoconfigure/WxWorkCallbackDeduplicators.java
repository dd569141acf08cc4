package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.RedisCallbackDeduplicator;

/**
 * The callback deduplicator: Redis under the same conditions as the token store (a Redis connection,
 * and {@code wxwork.token-store} not {@code memory}), else memory. Imported in this order.
 */
final class WxWorkCallbackDeduplicators {

	private WxWorkCallbackDeduplicators() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(RedisConnectionFactory connectionFactory,
				WxWorkProperties properties) {
			return new RedisCallbackDeduplicator(connectionFactory, properties.getCallback().getDeduplicationWindow());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(WxWorkProperties properties) {
			WxWorkProperties.CallbackSettings callback = properties.getCallback();
			return new MemoryCallbackDeduplicator(callback.getDeduplicationWindow(), callback.getDeduplicationCapacity(),
					Clock.systemUTC());
		}

	}

}

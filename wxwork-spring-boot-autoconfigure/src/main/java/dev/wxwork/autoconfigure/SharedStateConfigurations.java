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
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.RedisAccessTokenStore;

/**
 * Where the state that instances share lives (access tokens, callback deduplication marks): Redis when
 * the application has a Redis connection and {@code wxwork.token-store} is not {@code memory}, else
 * memory. One rule for both, decided here. Imported in this order.
 */
final class SharedStateConfigurations {

	private SharedStateConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {

		@Bean(name = RedisCommandGuard.BEAN_NAME, destroyMethod = "close")
		@ConditionalOnMissingBean
		RedisCommandGuard wxWorkRedisCommandGuard(WxWorkProperties properties) {
			return WxWorkBeans.redisCommandGuard(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		AccessTokenStore wxWorkAccessTokenStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard) {
			return new RedisAccessTokenStore(connectionFactory, guard);
		}

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
		AccessTokenStore wxWorkAccessTokenStore() {
			return new MemoryAccessTokenStore();
		}

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(WxWorkProperties properties) {
			WxWorkProperties.CallbackSettings callback = properties.getCallback();
			return new MemoryCallbackDeduplicator(callback.getDeduplicationWindow(), callback.getDeduplicationCapacity(),
					Clock.systemUTC());
		}

	}

}

package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.RedisCallbackDeduplicator;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.RedisAccessTokenStore;

/**
 * Where the state that instances share lives: access tokens ({@code wxwork.token-store}) and callback
 * deduplication marks ({@code wxwork.callback.deduplication}), each chosen on its own, both Redis by
 * default when the application has a Redis connection, else memory. Imported in this order.
 */
final class SharedStateConfigurations {

	private SharedStateConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {


		@Bean
		@ConditionalOnMissingBean
		AccessTokenStore wxWorkAccessTokenStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard) {
			return new RedisAccessTokenStore(connectionFactory, guard);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork.callback", name = "deduplication", havingValue = "redis", matchIfMissing = true)
	static class RedisDeduplication {


		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(RedisConnectionFactory connectionFactory, RedisCommandGuard guard,
				WxWorkProperties properties) {
			return new RedisCallbackDeduplicator(connectionFactory, guard, properties.getCallback().getDeduplicationWindow(),
					RedisCallbackDeduplicator.DEFAULT_IN_PROGRESS_LEASE, WxWorkCallbackBeans.memoryDeduplicator(properties));
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
			WxWorkCallbackBeans.checkMemoryDeduplicationWanted(properties);
			return WxWorkCallbackBeans.memoryDeduplicator(properties);
		}

	}

}

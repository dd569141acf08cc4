package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.RedisAccessTokenStore;

/** The token store: Redis when the application has a Redis connection, else memory. */
final class TokenStoreConfigurations {

	private TokenStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenStore wxWorkAccessTokenStore(RedisConnectionFactory connectionFactory) {
			return new RedisAccessTokenStore(connectionFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenStore wxWorkAccessTokenStore() {
			return new MemoryAccessTokenStore();
		}

	}

}

package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.bot.BotConnectionLease;
import dev.wxwork.bot.BotConnectionLeases;
import dev.wxwork.bot.BotStreamStore;
import dev.wxwork.bot.MemoryBotStreamStore;
import dev.wxwork.bot.RedisBotStreamStore;
import dev.wxwork.redis.RedisCommandGuard;

/**
 * Where bot stream states live: Redis when the application has a Redis connection and
 * {@code wxwork.token-store} is not {@code memory} (the rule of {@link SharedStateConfigurations}), else
 * memory. Imported in this order.
 */
final class BotStreamStoreConfigurations {

	private BotStreamStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		BotStreamStore wxWorkBotStreamStore(RedisConnectionFactory connectionFactory, RedisCommandGuard guard,
				WxWorkProperties properties) {
			return new RedisBotStreamStore(connectionFactory, guard, properties.getRedisKeyPrefix());
		}

		/** One instance of the cluster holds each bot's long connection, elected by a lease in Redis. */
		@Bean
		@ConditionalOnMissingBean
		BotConnectionLeases wxWorkBotConnectionLeases(RedisConnectionFactory connectionFactory,
				WxWorkProperties properties, RedisCommandGuard guard) {
			return (name, leaseTime) -> new BotConnectionLease(connectionFactory, guard,
					properties.getRedisKeyPrefix(), name, leaseTime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean
		BotStreamStore wxWorkBotStreamStore(WxWorkProperties properties) {
			// streams are few at a time (each up to 20 KB); msgids as many as app callbacks remember
			return new MemoryBotStreamStore(10_000, properties.getCallback().getDeduplicationCapacity(), Clock.systemUTC());
		}

	}

}

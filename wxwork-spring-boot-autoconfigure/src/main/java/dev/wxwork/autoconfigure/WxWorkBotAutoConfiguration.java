package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotHandlerMapping;
import dev.wxwork.bot.BotStreamStore;
import dev.wxwork.bot.MemoryBotStreamStore;
import dev.wxwork.bot.RedisBotStreamStore;

/**
 * Serves the {@code @WxWorkBot} beans in callback mode over Spring MVC. It needs no corp id and no app:
 * a bots-only application configures only {@code wxwork.bots.*}. Stream states live in Redis under the
 * same rule as tokens ({@code wxwork.token-store}), so that any instance answers WeCom's refresh polls.
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(WxWorkProperties.class)
@Import({ WxWorkBotAutoConfiguration.RedisStore.class, WxWorkBotAutoConfiguration.MemoryStore.class })
public final class WxWorkBotAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BotHandlerMapping wxWorkBotHandlerMapping() {
		return new BotHandlerMapping();
	}

	@Bean
	@ConditionalOnMissingBean
	BotEndpointRegistrar wxWorkBotEndpointRegistrar(BotHandlerMapping mapping, WxWorkProperties properties,
			BotStreamStore store) {
		return WxWorkBotBeans.registrar(mapping, properties, store, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class RedisStore {

		@Bean
		@ConditionalOnMissingBean
		BotStreamStore wxWorkBotStreamStore(RedisConnectionFactory connectionFactory, WxWorkProperties properties) {
			return new RedisBotStreamStore(connectionFactory, properties.getRedisKeyPrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MemoryStore {

		@Bean
		@ConditionalOnMissingBean
		BotStreamStore wxWorkBotStreamStore(WxWorkProperties properties) {
			return new MemoryBotStreamStore(properties.getCallback().getDeduplicationCapacity(), Clock.systemUTC());
		}

	}

}

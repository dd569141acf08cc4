package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.CallbackHandlerMapping;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.RedisCallbackDeduplicator;

/**
 * Serves the {@code @WxWorkCallback} endpoints over Spring MVC, deduplicating WeCom's retries in
 * Redis when the application has a Redis connection (like the token store), else in memory.
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WxWorkAgents.class)
@Import({ WxWorkCallbackAutoConfiguration.RedisDeduplication.class,
		WxWorkCallbackAutoConfiguration.MemoryDeduplication.class })
public final class WxWorkCallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallbackHandlerMapping wxWorkCallbackHandlerMapping() {
		return new CallbackHandlerMapping();
	}

	@Bean
	@ConditionalOnMissingBean
	CallbackEndpointRegistrar wxWorkCallbackEndpointRegistrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			WxWorkProperties properties, CallbackDeduplicator deduplicator) {
		return WxWorkCallbackBeans.registrar(mapping, agents, properties, deduplicator, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class RedisDeduplication {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(RedisConnectionFactory connectionFactory,
				WxWorkProperties properties) {
			return new RedisCallbackDeduplicator(connectionFactory, properties.getCallback().getDeduplicationWindow());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MemoryDeduplication {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator wxWorkCallbackDeduplicator(WxWorkProperties properties) {
			WxWorkProperties.CallbackSettings callback = properties.getCallback();
			return new MemoryCallbackDeduplicator(callback.getDeduplicationWindow(), callback.getDeduplicationCapacity(),
					Clock.systemUTC());
		}

	}

}

package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.webhook.LocalWebhookRateLimiter;
import dev.wxwork.webhook.RedisWebhookRateLimiter;
import dev.wxwork.webhook.WebhookRateLimiter;

/**
 * The client-side webhook limit, when {@code wxwork.webhook-limit.enabled=true}: shared through Redis by
 * the same rule as tokens ({@link SharedStateConfigurations}), else counted in this JVM. Imported in
 * this order.
 */
final class WebhookLimitConfigurations {

	private WebhookLimitConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "wxwork.webhook-limit", name = "enabled", havingValue = "true")
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(prefix = "wxwork", name = "token-store", havingValue = "redis", matchIfMissing = true)
	static class Redis {


		@Bean
		@ConditionalOnMissingBean
		WebhookRateLimiter wxWorkWebhookRateLimiter(RedisConnectionFactory connectionFactory, RedisCommandGuard guard,
				WxWorkProperties properties) {
			return new RedisWebhookRateLimiter(connectionFactory, guard, properties.getRedisKeyPrefix(),
					properties.getWebhookLimit().getPerMinute(),
					new LocalWebhookRateLimiter(properties.getWebhookLimit().getPerMinute(), Clock.systemUTC()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "wxwork.webhook-limit", name = "enabled", havingValue = "true")
	static class Memory {

		@Bean
		@ConditionalOnMissingBean
		WebhookRateLimiter wxWorkWebhookRateLimiter(WxWorkProperties properties) {
			return new LocalWebhookRateLimiter(properties.getWebhookLimit().getPerMinute(), Clock.systemUTC());
		}

	}

}

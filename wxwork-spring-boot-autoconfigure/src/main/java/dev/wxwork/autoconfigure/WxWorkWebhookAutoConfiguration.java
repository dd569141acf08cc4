package dev.wxwork.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

import dev.wxwork.webhook.WebhookRateLimiter;
import dev.wxwork.webhook.WxWorkWebhooks;

/**
 * Wires the group robots under {@code wxwork.webhooks}: one {@code WxWorkWebhook} bean per robot and
 * the {@link WxWorkWebhooks} registry. Needs no corp id or app: a robot's key is its only credential.
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@Conditional(OnWebhooksConfiguredCondition.class)
@EnableConfigurationProperties(WxWorkProperties.class)
@Import({ RedisGuardConfiguration.class, WebhookLimitConfigurations.Redis.class, WebhookLimitConfigurations.Memory.class,
		WxWorkWebhookRegistrar.class })
public final class WxWorkWebhookAutoConfiguration {

	/** The registry's bean name, which the robots' bean definitions refer to. */
	static final String WEBHOOKS_BEAN_NAME = "wxWorkWebhooks";

	@Bean(WEBHOOKS_BEAN_NAME)
	@ConditionalOnMissingBean
	WxWorkWebhooks wxWorkWebhooks(WxWorkProperties properties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WebhookRateLimiter> limiter, ObjectProvider<ObservationRegistry> observations) {
		return WxWorkWebhookBeans.webhooks(properties, sslBundles.getIfAvailable(), limiter.getIfAvailable(),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

}

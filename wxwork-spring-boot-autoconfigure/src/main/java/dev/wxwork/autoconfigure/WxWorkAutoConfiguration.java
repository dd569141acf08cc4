package dev.wxwork.autoconfigure;

import java.time.Clock;
import java.util.List;

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
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgentFactory;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.CredentialKeys;

/**
 * Wires the WeCom client: one agent bean per app under {@code wxwork.agents}, sharing one HTTP client
 * and one token store (Redis when the application has a Redis connection, else memory).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@Conditional(OnWxWorkConfiguredCondition.class)
@EnableConfigurationProperties(WxWorkProperties.class)
@Import({ RedisGuardConfiguration.class, SharedStateConfigurations.Redis.class, SharedStateConfigurations.RedisDeduplication.class,
		SharedStateConfigurations.Memory.class, WxWorkAgentRegistrar.class })
public final class WxWorkAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxWorkRequestFactories wxWorkRequestFactories(WxWorkProperties properties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WxWorkHttpClientCustomizer> customizers, ResourceLoader resourceLoader) {
		return WxWorkBeans.requestFactories(properties, sslBundles.getIfAvailable(),
				customizers.orderedStream().toList(), resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	WxWorkHttpClient wxWorkHttpClient(WxWorkProperties properties, WxWorkRequestFactories requestFactories,
			ObjectProvider<ObservationRegistry> observations) {
		return WxWorkBeans.httpClient(properties, requestFactories,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	WxWorkAgentFactory wxWorkAgentFactory(WxWorkProperties properties, WxWorkHttpClient http, AccessTokenStore store) {
		WxWorkBeans.check(properties, store);
		return new WxWorkAgentFactory(properties.getCorpId(), http, store,
				new CredentialKeys(properties.getRedisKeyPrefix()), WxWorkBeans.tokenSettings(properties),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	WxWorkAgents wxWorkAgents(ObjectProvider<WxWorkAgent> agents) {
		List<WxWorkAgent> all = agents.orderedStream().toList();
		return new WxWorkAgents(all);
	}

}

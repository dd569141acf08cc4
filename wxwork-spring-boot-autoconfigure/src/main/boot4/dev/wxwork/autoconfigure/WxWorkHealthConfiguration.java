package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.health.WxWorkHealthIndicator;
import dev.wxwork.redis.RedisCommandGuard;

/**
 * The {@code wxwork} health indicator, when the application has Spring Boot's health support. The Boot 3.5
 * line compiles this very file with Boot 3.5's package names (its build rewrites the imports).
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(WxWorkAgents.class)
@ConditionalOnEnabledHealthIndicator("wxwork")
@EnableConfigurationProperties(WxWorkHealthProperties.class)
public final class WxWorkHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "wxworkHealthIndicator")
	WxWorkHealthIndicator wxworkHealthIndicator(WxWorkAgents agents, ObjectProvider<RedisCommandGuard> redis,
			WxWorkHealthProperties properties) {
		return new WxWorkHealthIndicator(agents, redis.getIfAvailable(), properties.isAffectsStatus());
	}

}

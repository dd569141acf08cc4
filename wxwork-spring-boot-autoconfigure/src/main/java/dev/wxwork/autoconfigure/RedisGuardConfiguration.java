package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * The one {@link RedisCommandGuard} of the application, whenever it has a Redis connection: every Redis
 * user of the library (tokens, callback deduplication and hand-off, bot streams and leases, the webhook
 * limit) takes this bean, so that all of them share one deadline and one breaker. Imported first by each
 * auto-configuration that uses Redis; Spring registers it once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBean(RedisConnectionFactory.class)
class RedisGuardConfiguration {

	@Bean(name = RedisCommandGuard.BEAN_NAME, destroyMethod = "close")
	@ConditionalOnMissingBean
	RedisCommandGuard wxWorkRedisCommandGuard(WxWorkProperties properties) {
		return WxWorkBeans.redisCommandGuard(properties);
	}

}

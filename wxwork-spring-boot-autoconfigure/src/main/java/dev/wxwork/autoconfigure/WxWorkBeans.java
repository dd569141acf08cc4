package dev.wxwork.autoconfigure;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

/** Turns {@link WxWorkProperties} into the library's plain objects, so that auto-configuration only wires. */
final class WxWorkBeans {

	private WxWorkBeans() {
	}

	static WxWorkHttpClient httpClient(WxWorkProperties properties, ObservationRegistry observations) {
		WxWorkProperties.Retry retry = properties.getRetry();
		return new WxWorkHttpClient(properties.getApiBaseUrl(), properties.getHttp().getConnectTimeout(),
				properties.getHttp().getReadTimeout(), properties.getHttp().getMediaTimeout(),
				new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()), observations);
	}

	static TokenSettings tokenSettings(WxWorkProperties properties) {
		WxWorkProperties.Token token = properties.getToken();
		return new TokenSettings(token.getRefreshAhead(), token.getLockLease(), token.getLockWait(),
				Duration.ofMillis(50), token.getStoreRetryInterval());
	}

	static RedisCommandGuard redisCommandGuard(WxWorkProperties properties) {
		WxWorkProperties.Redis redis = properties.getRedis();
		Duration retryInterval = (redis.getRetryInterval() != null) ? redis.getRetryInterval()
				: properties.getToken().getStoreRetryInterval();
		if (redis.getCommandTimeout() == null || redis.getCommandTimeout().isNegative()
				|| redis.getCommandTimeout().isZero()) {
			throw new WxWorkConfigurationException("wxwork.redis.command-timeout must be positive");
		}
		return new RedisCommandGuard(redis.getCommandTimeout(), retryInterval);
	}

	static void check(WxWorkProperties properties, AccessTokenStore store) {
		WxWorkPropertiesValidator.validate(properties);
		if (properties.getTokenStore() == WxWorkProperties.TokenStoreType.REDIS
				&& store instanceof MemoryAccessTokenStore) {
			throw new WxWorkConfigurationException("wxwork.token-store is 'redis' but the application has no "
					+ "RedisConnectionFactory: add spring-boot-starter-data-redis and spring.data.redis.*, "
					+ "or set wxwork.token-store=memory");
		}
	}

}

package dev.wxwork.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkProxy;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

/** Turns {@link WxWorkProperties} into the library's plain objects, so that auto-configuration only wires. */
final class WxWorkBeans {

	private WxWorkBeans() {
	}

	static WxWorkHttpClient httpClient(WxWorkProperties properties, WxWorkRequestFactories requestFactories,
			ObservationRegistry observations) {
		WxWorkProperties.Retry retry = properties.getRetry();
		return new WxWorkHttpClient(properties.getApiBaseUrl(), requestFactories,
				new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()),
				retry.getDuplicateCheckInterval(), observations);
	}

	static WxWorkRequestFactories requestFactories(WxWorkProperties properties, SslBundles sslBundles,
			List<WxWorkHttpClientCustomizer> customizers, ClassLoader classLoader) {
		WxWorkProperties.Http http = properties.getHttp();
		SslBundle sslBundle = sslBundle(properties, sslBundles);
		return WxWorkHttpClients.create(properties.getApiBaseUrl(), http.getConnectTimeout(), http.getReadTimeout(),
				sslBundle, http.getMediaTimeout(), customizers, classLoader, proxy(http.getProxy()));
	}

	/**
	 * The request factories of the clients that build no {@code WxWorkHttpClient} bean of their own (group
	 * robots, bots): the API client's timeouts, SSL bundle ({@code wxwork.http.ssl-bundle}) and proxy
	 * ({@code wxwork.http.proxy.*}), without the application's customizers.
	 */
	static WxWorkRequestFactories requestFactories(WxWorkProperties properties, SslBundles sslBundles) {
		return requestFactories(properties, sslBundles, List.of(), WxWorkBeans.class.getClassLoader());
	}

	/** The SSL bundle named by {@code wxwork.http.ssl-bundle}, or null when it is not set. */
	static SslBundle sslBundle(WxWorkProperties properties, SslBundles sslBundles) {
		String name = properties.getHttp().getSslBundle();
		if (name == null) {
			return null;
		}
		if (sslBundles == null) {
			throw new WxWorkConfigurationException("wxwork.http.ssl-bundle is set but the application has no SSL bundles");
		}
		return sslBundles.getBundle(name);
	}

	static WxWorkProxy proxy(WxWorkProperties.Proxy proxy) {
		if (proxy.getHost() == null || proxy.getHost().isBlank()) {
			if (proxy.getPort() != null || proxy.getUsername() != null || proxy.getPassword() != null) {
				throw new WxWorkConfigurationException(
						"wxwork.http.proxy.host must be set with wxwork.http.proxy.port, username or password");
			}
			return null;
		}
		if (proxy.getPort() == null || proxy.getPort() < 1 || proxy.getPort() > 65535) {
			throw new WxWorkConfigurationException("wxwork.http.proxy.port must be set to a port (1-65535) with "
					+ "wxwork.http.proxy.host, but is " + proxy.getPort());
		}
		if (proxy.getPassword() != null && proxy.getUsername() == null) {
			throw new WxWorkConfigurationException("wxwork.http.proxy.password is set without wxwork.http.proxy.username");
		}
		return new WxWorkProxy(proxy.getHost(), proxy.getPort(), proxy.getUsername(), proxy.getPassword());
	}

	static TokenSettings tokenSettings(WxWorkProperties properties) {
		WxWorkProperties.Token token = properties.getToken();
		return new TokenSettings(token.getRefreshAhead(), token.getLockLease(), token.getLockWait(),
				Duration.ofMillis(50), token.getRefreshWait());
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

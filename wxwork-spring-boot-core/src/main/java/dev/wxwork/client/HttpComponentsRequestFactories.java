package dev.wxwork.client;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * Apache HttpClient 5 for {@link WxWorkRequestFactories#create(String, Duration, Duration, Duration)}, built
 * with HttpClient 5's own API (no Spring Boot): the same pool and the same steps left out as the
 * auto-configuration's default builder. Loaded only when HttpClient 5 is on the classpath.
 */
final class HttpComponentsRequestFactories {

	private HttpComponentsRequestFactories() {
	}

	static WxWorkRequestFactories create(Duration connectTimeout, Duration readTimeout, Duration mediaTimeout) {
		PoolingHttpClientConnectionManagerBuilder connections = HttpComponentsTuning.pool(
				PoolingHttpClientConnectionManagerBuilder.create());
		if (connectTimeout != null) {
			connections.setDefaultConnectionConfig(
					ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build());
		}
		HttpClientBuilder builder = HttpComponentsTuning.lean(HttpClients.custom().setConnectionManager(connections.build()));
		HttpComponentsTuning.skipProxyLookupWhenTheJvmHasNoProxy(builder);
		CloseableHttpClient client = builder.build();
		return new WxWorkRequestFactories(
				new BufferingClientHttpRequestFactory(factory(client, readTimeout)),
				factory(client, mediaTimeout));
	}

	private static HttpComponentsClientHttpRequestFactory factory(CloseableHttpClient client, Duration readTimeout) {
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
		if (readTimeout != null) {
			factory.setReadTimeout(readTimeout);
		}
		return factory;
	}

}

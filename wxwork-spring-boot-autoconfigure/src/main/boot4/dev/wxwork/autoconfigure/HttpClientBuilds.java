package dev.wxwork.autoconfigure;

import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.wxwork.client.WxWorkRequestFactories;

/**
 * The Spring Boot 4 side of {@link WxWorkHttpClients}: Boot 4's request factory builders take
 * {@link HttpClientSettings}, Boot 3.5's take {@code ClientHttpRequestFactorySettings}; the Boot 3.5 line
 * has its own copy of this file.
 */
final class HttpClientBuilds {

	private HttpClientBuilds() {
	}

	/** A factory from {@code builder} that never follows redirects. */
	static <T extends ClientHttpRequestFactory> T build(ClientHttpRequestFactoryBuilder<T> builder,
			Duration connectTimeout, Duration readTimeout, SslBundle sslBundle) {
		return builder.build(new HttpClientSettings(HttpRedirects.DONT_FOLLOW, connectTimeout, readTimeout, sslBundle));
	}

	/** A builder of {@link WxWorkRequestFactories#jdk JDK request factories} on {@code clients}. */
	static ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> jdk(JdkHttpClientBuilder clients) {
		return (settings) -> WxWorkRequestFactories.jdk(clients.build(settings.withReadTimeout(null)),
				settings.readTimeout());
	}

}

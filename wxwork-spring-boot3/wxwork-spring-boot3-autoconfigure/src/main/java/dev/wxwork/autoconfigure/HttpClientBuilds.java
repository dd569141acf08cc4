package dev.wxwork.autoconfigure;

import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.wxwork.client.WxWorkRequestFactories;

/**
 * The Spring Boot 3.5 side of {@link WxWorkHttpClients}: Boot 3.5's request factory builders take
 * {@link ClientHttpRequestFactorySettings}, Boot 4's take {@code HttpClientSettings}; the Boot 4 line has
 * its own copy of this file.
 */
final class HttpClientBuilds {

	private HttpClientBuilds() {
	}

	/** A factory from {@code builder} that never follows redirects. */
	static <T extends ClientHttpRequestFactory> T build(ClientHttpRequestFactoryBuilder<T> builder,
			Duration connectTimeout, Duration readTimeout, SslBundle sslBundle) {
		return builder.build(new ClientHttpRequestFactorySettings(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW,
				connectTimeout, readTimeout, sslBundle));
	}

	/** A builder of {@link WxWorkRequestFactories#jdk JDK request factories} on {@code clients}. */
	static ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> jdk(JdkHttpClientBuilder clients) {
		return (settings) -> WxWorkRequestFactories.jdk(
				clients.build(new HttpClientSettings(HttpRedirects.valueOf(settings.redirects().name()),
						settings.connectTimeout(), null, settings.sslBundle())),
				settings.readTimeout());
	}

}

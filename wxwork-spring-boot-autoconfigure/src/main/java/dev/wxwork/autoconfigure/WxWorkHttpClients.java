package dev.wxwork.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;


import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

import dev.wxwork.client.HttpComponentsTuning;
import dev.wxwork.client.WxWorkProxy;
import dev.wxwork.client.WxWorkRequestFactories;

/**
 * Builds the {@link WxWorkRequestFactories} of the one HTTP client all apps share with Spring Boot's
 * {@link ClientHttpRequestFactoryBuilder}. Shared by the Boot 4 and Boot 3.5 wiring: what differs between
 * their builders' settings types is in {@link HttpClientBuilds}, one small file per Boot line.
 * <p>
 * The default builder ({@link #defaultBuilder}) is Apache HttpClient 5 when present (HTTP/1.1, blocking
 * I/O on the calling thread, pooled connections), else the JDK's {@code HttpClient} on HTTP/1.1 towards
 * a plain-HTTP base URL (no h2c upgrade headers). Redirects are never followed.
 */
public final class WxWorkHttpClients {

	/** How many connections to WeCom the default HttpClient 5 pool keeps at most; a customizer can change it. */
	public static final int MAX_CONNECTIONS = WxWorkRequestFactories.MAX_CONNECTIONS;

	private static final String HTTP_COMPONENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";

	private WxWorkHttpClients() {
	}

	/**
	 * Builds both factories without an SSL bundle or proxy.
	 * @param baseUrl the WeCom API base URL, which decides the HTTP version
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout of JSON calls
	 * @param mediaTimeout the read timeout of media transfers
	 * @param customizers applied in order to the default builder
	 */
	public static WxWorkRequestFactories create(String baseUrl, Duration connectTimeout, Duration readTimeout,
			Duration mediaTimeout, List<? extends WxWorkHttpClientCustomizer> customizers) {
		return create(baseUrl, connectTimeout, readTimeout, null, mediaTimeout, customizers,
				WxWorkHttpClients.class.getClassLoader(), null);
	}

	/**
	 * Builds both factories (redirects are never followed), choosing the default builder by what
	 * {@code classLoader} sees, through {@code proxy} when it is not null (a customizer that replaces the
	 * default builder sets its own proxy).
	 * @param sslBundle the SSL bundle of the calls, or null
	 * @see #create(String, Duration, Duration, Duration, List)
	 */
	public static WxWorkRequestFactories create(String baseUrl, Duration connectTimeout, Duration readTimeout,
			SslBundle sslBundle, Duration mediaTimeout, List<? extends WxWorkHttpClientCustomizer> customizers,
			ClassLoader classLoader, WxWorkProxy proxy) {
		ClientHttpRequestFactoryBuilder<?> builder = defaultBuilder(baseUrl, classLoader, proxy);
		for (WxWorkHttpClientCustomizer customizer : customizers) {
			builder = customizer.customize(builder);
		}
		return new WxWorkRequestFactories(
				new BufferingClientHttpRequestFactory(HttpClientBuilds.build(builder, connectTimeout, readTimeout, sslBundle)),
				HttpClientBuilds.build(builder, connectTimeout, mediaTimeout, sslBundle));
	}

	/**
	 * The library's choice: Apache HttpClient 5 when it is on the classpath (the starter brings it), else
	 * the JDK's client on HTTP/1.1 towards a plain-HTTP base URL, writing bodies on a shared pool of reused
	 * threads. HttpClient 5 sends on the calling thread; the JDK's {@code sendAsync}, which Spring's JDK
	 * request factory uses, completes each call on a new thread when the JVM sees two CPUs or fewer
	 * (the common pool then has no parallelism), and it measured slower here (docs/benchmarks.md).
	 */
	public static ClientHttpRequestFactoryBuilder<?> defaultBuilder(String baseUrl) {
		return defaultBuilder(baseUrl, WxWorkHttpClients.class.getClassLoader());
	}

	/** The library's choice by what {@code classLoader} sees; see {@link #defaultBuilder(String)}. */
	public static ClientHttpRequestFactoryBuilder<?> defaultBuilder(String baseUrl, ClassLoader classLoader) {
		return defaultBuilder(baseUrl, classLoader, null);
	}

	/** The library's choice, through {@code proxy} when it is not null; see {@link #defaultBuilder(String)}. */
	public static ClientHttpRequestFactoryBuilder<?> defaultBuilder(String baseUrl, ClassLoader classLoader,
			WxWorkProxy proxy) {
		if (ClassUtils.isPresent(HTTP_COMPONENTS, classLoader)) {
			return ClientHttpRequestFactoryBuilder.httpComponents()
				.withConnectionManagerCustomizer(HttpComponentsTuning::pool)
				.withHttpClientCustomizer(HttpComponentsTuning::lean)
				.withHttpClientCustomizer((client) -> {
					if (proxy != null) {
						proxy.applyTo(client);
					}
					else {
						HttpComponentsTuning.skipProxyLookupWhenTheJvmHasNoProxy(client);
					}
				});
		}
		return jdkBuilder(baseUrl, proxy);
	}

	/** The JDK's client on HTTP/1.1 towards a plain-HTTP base URL, writing bodies on a shared pool of reused threads. */
	public static ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> jdkBuilder(String baseUrl) {
		return jdkBuilder(baseUrl, null);
	}

	/** The JDK's client as {@link #jdkBuilder(String)}, through {@code proxy} when it is not null. */
	public static ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> jdkBuilder(String baseUrl,
			WxWorkProxy proxy) {
		boolean plainHttp = baseUrl.regionMatches(true, 0, "http://", 0, 7);
		JdkHttpClientBuilder clients = new JdkHttpClientBuilder().withCustomizer((client) -> {
			if (plainHttp) {
				client.version(HttpClient.Version.HTTP_1_1);
			}
			if (proxy != null) {
				proxy.applyTo(client);
			}
		});
		// Boot's ClientHttpRequestFactoryBuilder.jdk() gives the executor to the HttpClient, not to Spring's
		// request factory, which would then start a thread per request: hand it to the factory here.
		return HttpClientBuilds.jdk(clients);
	}

}

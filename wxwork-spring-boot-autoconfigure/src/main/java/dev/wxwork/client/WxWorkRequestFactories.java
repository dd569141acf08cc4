package dev.wxwork.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The request factories of the one HTTP client all apps share, built with Spring Boot's
 * {@link ClientHttpRequestFactoryBuilder}: one for JSON calls, whose bodies are buffered and sent with
 * a {@code Content-Length}, and one for media, whose bodies stream and whose timeout covers a whole
 * transfer.
 * <p>
 * The default builder is the JDK's {@code HttpClient}: HTTP/1.1 towards a plain-HTTP base URL (no h2c
 * upgrade headers), no redirects, and one shared, reused pool of daemon threads for writing request
 * bodies in place of Spring's default of a new thread per request.
 * @param api the factory for JSON calls
 * @param media the factory for media uploads and downloads
 */
public record WxWorkRequestFactories(ClientHttpRequestFactory api, ClientHttpRequestFactory media) {

	private static final Executor BODY_WRITERS = bodyWriters();

	/**
	 * Builds both factories.
	 * @param baseUrl the WeCom API base URL, which decides the HTTP version
	 * @param settings connect and read timeouts and the SSL bundle of JSON calls (redirects are never followed)
	 * @param mediaTimeout the read timeout of media transfers
	 * @param customizers applied in order to the default builder
	 */
	public static WxWorkRequestFactories create(String baseUrl, HttpClientSettings settings, Duration mediaTimeout,
			List<? extends WxWorkHttpClientCustomizer> customizers) {
		ClientHttpRequestFactoryBuilder<?> builder = defaultBuilder(baseUrl);
		for (WxWorkHttpClientCustomizer customizer : customizers) {
			builder = customizer.customize(builder);
		}
		HttpClientSettings api = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		return new WxWorkRequestFactories(new BufferingClientHttpRequestFactory(builder.build(api)),
				builder.build(api.withReadTimeout(mediaTimeout)));
	}

	/** Both factories with these timeouts and no customizer. */
	public static WxWorkRequestFactories create(String baseUrl, Duration connectTimeout, Duration readTimeout,
			Duration mediaTimeout) {
		return create(baseUrl, HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout), mediaTimeout,
				List.of());
	}

	/**
	 * The library's choice: the JDK client, on HTTP/1.1 when the base URL is plain HTTP, writing bodies
	 * on a shared pool of reused threads.
	 */
	public static ClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> defaultBuilder(String baseUrl) {
		boolean plainHttp = baseUrl.regionMatches(true, 0, "http://", 0, 7);
		JdkHttpClientBuilder clients = new JdkHttpClientBuilder().withCustomizer((client) -> {
			if (plainHttp) {
				client.version(HttpClient.Version.HTTP_1_1);
			}
		});
		// Boot's ClientHttpRequestFactoryBuilder.jdk() gives the executor to the HttpClient, not to Spring's
		// request factory, which would then start a thread per request: hand it to the factory here.
		return (settings) -> {
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
					clients.build(settings.withReadTimeout(null)), BODY_WRITERS);
			if (settings.readTimeout() != null) {
				factory.setReadTimeout(settings.readTimeout());
			}
			return factory;
		};
	}

	// Spring's JDK request factory hands each request body to an executor; its default starts a new
	// thread per request. These threads are reused, and idle ones end after a minute.
	private static Executor bodyWriters() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("wxwork-http-body-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
	}

}

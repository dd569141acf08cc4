package dev.wxwork.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.ClassUtils;

/**
 * The request factories of the one HTTP client all apps share: one for JSON calls, whose bodies are
 * buffered and sent with a {@code Content-Length}, and one for media, whose bodies stream and whose
 * timeout covers a whole transfer.
 * <p>
 * This type needs Spring Framework only. The auto-configuration builds it with Spring Boot's request
 * factory builders ({@code dev.wxwork.autoconfigure.WxWorkHttpClients}: customizers, SSL bundles, proxy);
 * {@link #create(String, Duration, Duration, Duration)} builds the same clients without Boot, for code and
 * tests that make a {@link WxWorkHttpClient} by hand. Redirects are never followed.
 * @param api the factory for JSON calls
 * @param media the factory for media uploads and downloads
 */
public record WxWorkRequestFactories(ClientHttpRequestFactory api, ClientHttpRequestFactory media) {

	/** How many connections to WeCom the default HttpClient 5 pool keeps at most. */
	public static final int MAX_CONNECTIONS = 64;

	private static final String HTTP_COMPONENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";

	private static final Executor BODY_WRITERS = bodyWriters();

	/**
	 * Both factories with these timeouts: Apache HttpClient 5 when it is on the classpath (pooled, HTTP/1.1),
	 * else the JDK's {@code HttpClient} (see {@link #jdk(String, Duration, Duration, Duration)}).
	 */
	public static WxWorkRequestFactories create(String baseUrl, Duration connectTimeout, Duration readTimeout,
			Duration mediaTimeout) {
		if (ClassUtils.isPresent(HTTP_COMPONENTS, WxWorkRequestFactories.class.getClassLoader())) {
			return HttpComponentsRequestFactories.create(connectTimeout, readTimeout, mediaTimeout);
		}
		return jdk(baseUrl, connectTimeout, readTimeout, mediaTimeout);
	}

	/**
	 * Both factories on the JDK's {@code HttpClient} with these timeouts: HTTP/1.1 towards a plain-HTTP
	 * base URL (no h2c upgrade headers), no redirects, bodies written on a shared pool of reused threads.
	 */
	public static WxWorkRequestFactories jdk(String baseUrl, Duration connectTimeout, Duration readTimeout,
			Duration mediaTimeout) {
		HttpClient.Builder client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
		if (connectTimeout != null) {
			client.connectTimeout(connectTimeout);
		}
		if (baseUrl.regionMatches(true, 0, "http://", 0, 7)) {
			client.version(HttpClient.Version.HTTP_1_1);
		}
		HttpClient httpClient = client.build();
		return new WxWorkRequestFactories(new BufferingClientHttpRequestFactory(jdk(httpClient, readTimeout)),
				jdk(httpClient, mediaTimeout));
	}

	/**
	 * Spring's request factory on {@code client}, writing request bodies on a shared pool of reused threads
	 * (Spring's default starts a thread per request; Boot's JDK builder gives its executor to the
	 * {@code HttpClient}, not to the factory).
	 * @param readTimeout the factory's read timeout, or null for none
	 */
	public static JdkClientHttpRequestFactory jdk(HttpClient client, Duration readTimeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client, BODY_WRITERS);
		if (readTimeout != null) {
			factory.setReadTimeout(readTimeout);
		}
		return factory;
	}

	// Spring's JDK request factory hands each request body to an executor; its default starts a new
	// thread per request. These threads are reused, and idle ones end after a minute.
	private static Executor bodyWriters() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("wxwork-http-body-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
	}

}

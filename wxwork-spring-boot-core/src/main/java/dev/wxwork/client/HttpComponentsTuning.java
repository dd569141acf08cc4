package dev.wxwork.client;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;

/**
 * Settings of the library's default Apache HttpClient 5 client that spare every exchange work that calls
 * to WeCom do not need. Only HttpClient 5 and JDK API; loaded only with HttpClient 5 on the classpath.
 */
public final class HttpComponentsTuning {

	private static final String JDK_PROXY_SELECTOR = "sun.net.spi.DefaultProxySelector";

	private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "https.proxyHost", "socksProxyHost");

	private HttpComponentsTuning() {
	}

	/**
	 * The pool of one client shared by all apps: {@link WxWorkRequestFactories#MAX_CONNECTIONS} connections
	 * (HttpClient 5 keeps 5 per host by default), leased without the strict pool's global lock, which every
	 * sending thread would queue for.
	 * @param connections the builder of the connection manager
	 * @return the same builder
	 */
	public static PoolingHttpClientConnectionManagerBuilder pool(PoolingHttpClientConnectionManagerBuilder connections) {
		return connections.setMaxConnTotal(WxWorkRequestFactories.MAX_CONNECTIONS)
			.setMaxConnPerRoute(WxWorkRequestFactories.MAX_CONNECTIONS)
			.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX);
	}

	/**
	 * Leaves out the steps of every exchange that calls to WeCom do not need: WeCom sets no cookies, needs no
	 * authentication and answers small JSON; and HttpClient's own retries and redirects, since this library
	 * decides what is retried and follows no redirect.
	 * @param client the builder of the client
	 * @return the same builder
	 */
	public static HttpClientBuilder lean(HttpClientBuilder client) {
		return client.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableConnectionState();
	}

	/**
	 * Skips the JVM's {@link ProxySelector} lookup that HttpClient 5 otherwise makes for every request, when
	 * the JVM routes no request through a proxy at the time the client is built: the JDK's own selector is
	 * the default, no {@code http.proxyHost}, {@code https.proxyHost} or {@code socksProxyHost} is set and
	 * {@code java.net.useSystemProxies} is off. Otherwise (a proxy configured in the JVM, or an application's
	 * own default selector) every request still asks the JVM's selector. A proxy set on the builder
	 * ({@code setProxy}, e.g. {@code wxwork.http.proxy.*}) or a route planner takes precedence either way.
	 * @param client the builder of the client
	 * @return whether the lookup is skipped
	 */
	public static boolean skipProxyLookupWhenTheJvmHasNoProxy(HttpClientBuilder client) {
		if (!jvmHasNoProxy()) {
			return false;
		}
		client.setProxySelector(Direct.INSTANCE);
		return true;
	}

	static boolean jvmHasNoProxy() {
		ProxySelector selector = ProxySelector.getDefault();
		if (selector == null || !JDK_PROXY_SELECTOR.equals(selector.getClass().getName())
				|| Boolean.getBoolean("java.net.useSystemProxies")) {
			return false;
		}
		for (String property : PROXY_PROPERTIES) {
			String host = System.getProperty(property);
			if (host != null && !host.isEmpty()) {
				return false;
			}
		}
		// the JDK's net.properties may set proxies too: ask the selector once
		return direct(selector, "http://wecom.invalid/") && direct(selector, "https://wecom.invalid/");
	}

	private static boolean direct(ProxySelector selector, String uri) {
		List<Proxy> proxies = selector.select(URI.create(uri));
		return proxies.isEmpty() || proxies.stream().allMatch((proxy) -> proxy.type() == Proxy.Type.DIRECT);
	}

	/** Every destination directly, answered without any lookup. */
	private static final class Direct extends ProxySelector {

		static final Direct INSTANCE = new Direct();

		private static final List<Proxy> NO_PROXY = List.of(Proxy.NO_PROXY);

		@Override
		public List<Proxy> select(URI uri) {
			return NO_PROXY;
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, IOException ex) {
		}

	}

}

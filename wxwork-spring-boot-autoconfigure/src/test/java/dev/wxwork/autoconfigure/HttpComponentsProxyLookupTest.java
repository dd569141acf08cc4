package dev.wxwork.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

import dev.wxwork.client.WxWorkProxy;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.testing.StandInAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The default HttpClient 5 client asks the JVM's {@code ProxySelector} per request only when the JVM
 * routes through a proxy (then it still honours {@code http.proxyHost} and friends), and a configured
 * {@link WxWorkProxy} still carries every request; real forwarding proxy, real stand-in.
 */
class HttpComponentsProxyLookupTest {

	private static final String ELSEWHERE = "http://api.wecom.invalid:80/cgi-bin/gettoken";

	private final WeComStandIn wecom = StandInAgent.wecom();

	@AfterEach
	void close() {
		System.clearProperty("http.proxyHost");
		System.clearProperty("http.proxyPort");
		this.wecom.close();
	}

	@Test
	void jvmProxyPropertiesSetBeforeTheClientIsBuiltAreHonoured() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			useJvmProxy(proxy);
			attempt(factories(null).api(), ELSEWHERE);
			assertThat(proxy.heads()).hasSize(1);
			assertThat(proxy.heads().get(0)).startsWith("GET http://api.wecom.invalid").contains("/cgi-bin/gettoken ");
		}
	}

	@Test
	void withoutAJvmProxyNoRequestAsksTheJvmsProxySelector() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			ClientHttpRequestFactory api = factories(null).api();
			// the JDK's selector reads these properties on every lookup: a request that still asked it would
			// now go to the proxy; this one goes directly, and fails to resolve the host
			useJvmProxy(proxy);
			assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> attempt(api, ELSEWHERE));
			assertThat(proxy.heads()).isEmpty();
			// a client built now sees the proxy
			attempt(factories(null).api(), ELSEWHERE);
			assertThat(proxy.heads()).hasSize(1);
		}
	}

	@Test
	void aConfiguredProxyCarriesPlainHttpRequests() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			ClientHttpRequestFactory api = factories(new WxWorkProxy("127.0.0.1", proxy.port())).api();
			URI uri = URI.create(this.wecom.baseUrl() + "/cgi-bin/gettoken?corpid=" + StandInAgent.CORP_ID
					+ "&corpsecret=" + StandInAgent.SECRET);
			try (ClientHttpResponse response = api.createRequest(uri, HttpMethod.GET).execute()) {
				assertThat(response.getStatusCode().value()).isEqualTo(200);
			}
			assertThat(proxy.heads()).singleElement()
				.satisfies((head) -> assertThat(head).startsWith("GET " + this.wecom.baseUrl() + "/cgi-bin/gettoken"));
		}
	}

	// the JDK's selector never proxies loopback addresses, so the JVM-proxy cases call a host that does
	// not resolve (RFC 2606): the proxy records the request head and closes the connection
	private static void useJvmProxy(ForwardingProxy proxy) {
		System.setProperty("http.proxyHost", "127.0.0.1");
		System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
	}

	private static void attempt(ClientHttpRequestFactory api, String uri) throws IOException {
		try (ClientHttpResponse response = api.createRequest(URI.create(uri), HttpMethod.GET).execute()) {
			response.getStatusCode();
		}
		catch (NoHttpResponseException ex) {
			// the proxy could not reach the host
		}
	}

	private WxWorkRequestFactories factories(WxWorkProxy proxy) {
		return WxWorkHttpClients.create(this.wecom.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(10), null,
				Duration.ofSeconds(10), List.of(), getClass().getClassLoader(), proxy);
	}

}

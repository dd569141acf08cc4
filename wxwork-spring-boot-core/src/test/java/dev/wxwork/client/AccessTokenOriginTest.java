package dev.wxwork.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The access token goes to the configured WeCom origin only: a second local server records every
 * request it receives, and none may carry a token.
 */
class AccessTokenOriginTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final List<String> elsewhere = new CopyOnWriteArrayList<>();

	private HttpServer other;

	private WxWorkAgent agent;

	@BeforeEach
	void setUp() throws IOException {
		this.other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		this.other.createContext("/", (exchange) -> {
			this.elsewhere.add(exchange.getRequestURI().toString());
			byte[] body = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.other.start();
		this.wecom.respond("/cgi-bin/steal", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent = StandInAgent.of(this.wecom);
	}

	@AfterEach
	void close() {
		this.other.stop(0);
		this.wecom.close();
	}

	private int otherPort() {
		return this.other.getAddress().getPort();
	}

	private int wecomPort() {
		return URI.create(this.wecom.baseUrl()).getPort();
	}

	@Test
	void anApiWhoseUrlPointsAtAnotherPortIsRefusedBeforeSending() {
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.agent.api(Absolute.class).get(otherPort()))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("Refused to send the access token")
					.contains("127.0.0.1:" + otherPort())
					.contains("wxwork.api-base-url")
					.doesNotContain("token-");
				assertThat(ex.mayHaveTakenEffect()).isFalse();
			});
		assertThat(this.elsewhere).isEmpty();
	}

	@Test
	void theSameApiPointedAtWeComCarriesTheToken() {
		this.agent.api(Absolute.class).get(wecomPort());
		assertThat(this.wecom.lastRequest("/cgi-bin/steal").param("access_token")).startsWith("token-");
	}

	@Test
	void anotherHostOrSchemeIsRefusedToo() {
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.agent.api(OtherHost.class).get(wecomPort()))
			.withMessageContaining("localhost");
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.agent.api(OtherScheme.class).get(wecomPort()))
			.withMessageContaining("https://127.0.0.1");
		assertThat(this.wecom.requests("/cgi-bin/steal")).isEmpty();
	}

	@Test
	void aUriArgumentToAnotherOriginIsRefused() {
		URI target = URI.create("http://127.0.0.1:" + otherPort() + "/cgi-bin/steal");
		assertThatExceptionOfType(WxWorkException.class).isThrownBy(() -> this.agent.api(ByUri.class).get(target))
			.withMessageContaining("127.0.0.1:" + otherPort());
		assertThat(this.elsewhere).isEmpty();
	}

	@Test
	void anExchangeOnTheRestClientWithAnAbsoluteUrlIsRefused() {
		WxWorkHttpClient http = this.agent.http();
		String url = "http://127.0.0.1:" + otherPort() + "/cgi-bin/steal";
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> http.call("/cgi-bin/steal", this.agent.accessTokenCredential(),
					() -> http.restClient().get().uri(url).retrieve().body(JsonNode.class)))
			.withMessageContaining("Refused to send the access token");
		assertThat(this.elsewhere).isEmpty();
	}

	interface Absolute {

		@GetExchange("http://127.0.0.1:{port}/cgi-bin/steal")
		JsonNode get(@PathVariable int port);

	}

	interface OtherHost {

		@GetExchange("http://localhost:{port}/cgi-bin/steal")
		JsonNode get(@PathVariable int port);

	}

	interface OtherScheme {

		@GetExchange("https://127.0.0.1:{port}/cgi-bin/steal")
		JsonNode get(@PathVariable int port);

	}

	interface ByUri {

		@GetExchange
		JsonNode get(URI uri);

	}

}

package dev.wxwork.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.bot.WxWorkBotClient;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.WxWorkWebhooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients that go to WeCom besides the API client: a bot's response_url replies and a group robot's
 * posts take {@code wxwork.http.proxy.*} and {@code wxwork.http.ssl-bundle} too. Towards https, through
 * a real forwarding proxy that asks for Basic credentials, the proxy sees only {@code CONNECT host:port}:
 * the response code and the robot's key travel inside the tunnel.
 */
class WxWorkBotAndRobotProxyTest {

	private static final String PROXY_PASSWORD = "ProxyPassword-51c2";

	private static final String ROBOT_KEY = "0d5b2f4c-61a8-4e07-9b3e-7a1c2e9f0b44";

	private static final String RESPONSE_CODE = "RespCode-7f2e1c";

	private final List<String> responses = new CopyOnWriteArrayList<>();

	private HttpServer responseEndpoint;

	@BeforeEach
	void startWeComsResponseEndpoint() throws IOException {
		this.responseEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.responseEndpoint.createContext("/cgi-bin/aibot/response", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.responses.add(exchange.getRequestURI().getQuery() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] body = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.responseEndpoint.start();
	}

	@AfterEach
	void stopIt() {
		this.responseEndpoint.stop(0);
	}

	@Test
	void aBotsResponseUrlReplyGoesThroughTheAuthenticatedTunnel(@TempDir Path directory) throws Exception {
		try (TlsRelay https = new TlsRelay(directory, this.responseEndpoint.getAddress().getPort());
				ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			new WebApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(WxWorkBotAutoConfiguration.class, SslAutoConfiguration.class))
				.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
				.withPropertyValues("wxwork.bots.helper.callback.token=helpertoken",
						"wxwork.bots.helper.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
						"wxwork.http.ssl-bundle=wecom",
						"spring.ssl.bundle.pem.wecom.truststore.certificate=file:" + https.certificate(),
						"wxwork.http.proxy.host=127.0.0.1", "wxwork.http.proxy.port=" + proxy.port(),
						"wxwork.http.proxy.username=egress", "wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					context.getBean("wxwork.bots.helper", WxWorkBotClient.class)
						.replyMarkdown(https.baseUrl() + "/cgi-bin/aibot/response?response_code=" + RESPONSE_CODE,
								"the whole answer");
					assertThat(this.responses).singleElement()
						.satisfies((request) -> assertThat(request).startsWith("response_code=" + RESPONSE_CODE)
							.contains("the whole answer"));
					assertThat(proxy.answers()).startsWith(407).contains(200);
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head)
						.startsWith("CONNECT 127.0.0.1:" + port(https.baseUrl()) + " ")
						.doesNotContain(RESPONSE_CODE, "/cgi-bin"));
					assertThat(proxy.tunnelledBytes()).isNotEmpty().doesNotContain(RESPONSE_CODE, "the whole answer");
				});
		}
	}

	@Test
	void aBotsResponseUrlReplyGoesDirectlyWithoutAProxy() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxWorkBotAutoConfiguration.class))
				.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
				.withPropertyValues("wxwork.bots.helper.callback.token=helpertoken",
						"wxwork.bots.helper.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")
				.run((context) -> {
					context.getBean("wxwork.bots.helper", WxWorkBotClient.class)
						.replyMarkdown("http://127.0.0.1:" + this.responseEndpoint.getAddress().getPort()
								+ "/cgi-bin/aibot/response?response_code=" + RESPONSE_CODE, "direct");
					assertThat(this.responses).singleElement().satisfies((request) -> assertThat(request).contains("direct"));
					assertThat(proxy.heads()).isEmpty();
				});
		}
	}

	@Test
	void aGroupRobotsKeyStaysInsideTheTunnelToAnHttpsAddress(@TempDir Path directory) throws Exception {
		try (WebhookStandIn robots = new WebhookStandIn(ROBOT_KEY);
				TlsRelay https = new TlsRelay(directory, port(robots.address(ROBOT_KEY)));
				ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			String address = robots.address(ROBOT_KEY);
			String httpsAddress = https.baseUrl() + address.substring(address.indexOf('/', "http://".length()));
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, WxWorkWebhookAutoConfiguration.class,
						SslAutoConfiguration.class))
				.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
				.withPropertyValues("wxwork.webhooks.ops.url=" + httpsAddress, "wxwork.http.ssl-bundle=wecom",
						"spring.ssl.bundle.pem.wecom.truststore.certificate=file:" + https.certificate(),
						"wxwork.http.proxy.host=127.0.0.1", "wxwork.http.proxy.port=" + proxy.port(),
						"wxwork.http.proxy.username=egress", "wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					context.getBean(WxWorkWebhooks.class).get("ops").sendMarkdown("**tunnelled**");
					assertThat(robots.posted()).hasSize(1);
					assertThat(proxy.answers()).startsWith(407).contains(200);
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head)
						.startsWith("CONNECT 127.0.0.1:" + port(https.baseUrl()) + " ")
						.doesNotContain(ROBOT_KEY, "/cgi-bin"));
					assertThat(proxy.tunnelledBytes()).isNotEmpty().doesNotContain(ROBOT_KEY, "tunnelled");
				});
		}
	}

	private static int port(String url) {
		String authority = url.substring(url.indexOf("://") + 3);
		int slash = authority.indexOf('/');
		authority = (slash >= 0) ? authority.substring(0, slash) : authority;
		return Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
	}

}

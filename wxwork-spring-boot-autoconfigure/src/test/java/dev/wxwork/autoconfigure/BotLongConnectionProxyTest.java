package dev.wxwork.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotTextMessage;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.WxWorkBot;
import dev.wxwork.client.WxWorkProxy;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot's long-connection WebSocket goes through {@code wxwork.http.proxy.*} like every other call to
 * WeCom: through a real forwarding proxy that answers 407 until it gets Basic credentials, the bot opens a
 * {@code CONNECT host:port} tunnel to the stand-in of WeCom's bot server (ws, and wss through a TLS front
 * trusted with {@code wxwork.http.ssl-bundle}), subscribes, and streams an echo back. Over wss the proxy
 * sees neither the secret nor a frame.
 * <p>
 * The JDK's WebSocket client sends Basic credentials through a tunnel only in a JVM started with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} (it reads that once per JVM): this class runs in a
 * JVM of its own, the {@code bot-proxy-basic-tunnelling} surefire execution of this module, and not in the
 * default one.
 */
// a value that does not list Basic (empty on the surefire execution)
@EnabledIfSystemProperty(named = WxWorkProxy.TUNNELING_DISABLED_SCHEMES, matches = "(?i)^(?!.*basic).*$")
class BotLongConnectionProxyTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String BOT_SECRET = "BotSecret-3c9e71d0a4";

	private static final String PROXY_PASSWORD = "ProxyPassword-8d41";

	private WeComBotServerStandIn wecom;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxWorkBotAutoConfiguration.class, SslAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withUserConfiguration(Assistant.class)
		.withPropertyValues("wxwork.bots.assistant.bot-id=aib-1", "wxwork.bots.assistant.secret=" + BOT_SECRET);

	@BeforeEach
	void startWeCom() {
		this.wecom = WeComBotServerStandIn.start().bot("aib-1", BOT_SECRET);
	}

	@AfterEach
	void stopWeCom() {
		this.wecom.close();
	}

	@Test
	void aWsConnectionTunnelsThroughTheAuthenticatedProxy() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			this.runner
				.withPropertyValues("wxwork.bots.assistant.ws-url=" + this.wecom.url(), "wxwork.http.proxy.host=127.0.0.1",
						"wxwork.http.proxy.port=" + proxy.port(), "wxwork.http.proxy.username=egress",
						"wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					awaitConnected(context.getBean(BotEndpointRegistrar.class));
					assertEchoStreams();
					assertThat(proxy.answers()).startsWith(407).contains(200);
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head.toLowerCase(Locale.ROOT))
						.startsWith("connect 127.0.0.1:" + port(this.wecom.url()) + " ")
						.doesNotContain(BOT_SECRET.toLowerCase(Locale.ROOT), "aibot_subscribe", "websocket"));
					assertThat(proxy.heads()).last()
						.satisfies((head) -> assertThat(ForwardingProxy.header(head, "proxy-authorization")).startsWith("Basic "));
					// plain ws: the frames cross the tunnel as they are, which is why wss is the way to use a proxy
					assertThat(proxy.tunnelledBytes()).containsIgnoringCase("upgrade: websocket");
				});
		}
	}

	@Test
	void aWssConnectionKeepsTheSecretAndTheFramesInsideTheTunnel(@TempDir Path directory) throws Exception {
		try (TlsRelay wss = new TlsRelay(directory, port(this.wecom.url()));
				ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			String wsUrl = wss.baseUrl().replace("https://", "wss://") + "/";
			this.runner
				.withPropertyValues("wxwork.bots.assistant.ws-url=" + wsUrl, "wxwork.http.ssl-bundle=wecom",
						"spring.ssl.bundle.pem.wecom.truststore.certificate=file:" + wss.certificate(),
						"wxwork.http.proxy.host=127.0.0.1", "wxwork.http.proxy.port=" + proxy.port(),
						"wxwork.http.proxy.username=egress", "wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					awaitConnected(context.getBean(BotEndpointRegistrar.class));
					assertEchoStreams();
					assertThat(proxy.answers()).startsWith(407).contains(200);
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head)
						.startsWith("CONNECT 127.0.0.1:" + port(wss.baseUrl()) + " ")
						.doesNotContain(BOT_SECRET, "aib-1", "aibot_subscribe"));
					assertThat(proxy.tunnelledBytes()).isNotEmpty()
						.doesNotContain(BOT_SECRET, "aib-1", "aibot_subscribe", "websocket", "echo: ");
				});
		}
	}

	@Test
	void withBasicDisabledForTunnelsAProxyWithCredentialsFailsTheStartupNamingTheProperties() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			// unset: the JDK's own default applies ($JAVA_HOME/conf/net.properties says Basic)
			withoutTheTunnellingProperty(() -> this.runner
				.withPropertyValues("wxwork.bots.assistant.ws-url=" + this.wecom.url(), "wxwork.http.proxy.host=127.0.0.1",
						"wxwork.http.proxy.port=" + proxy.port(), "wxwork.http.proxy.username=egress",
						"wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(WxWorkConfigurationException.class)
					.hasMessageContaining("wxwork.http.proxy.username")
					.hasMessageContaining("wxwork.bots.assistant.bot-id")
					.hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=")
					.message()
					.doesNotContain(PROXY_PASSWORD, BOT_SECRET)));
			assertThat(proxy.heads()).isEmpty();
			assertThat(this.wecom.connections()).isZero();
		}
	}

	@Test
	void withBasicDisabledForTunnelsAProxyWithoutCredentialsStillWorks() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			withoutTheTunnellingProperty(() -> this.runner
				.withPropertyValues("wxwork.bots.assistant.ws-url=" + this.wecom.url(), "wxwork.http.proxy.host=127.0.0.1",
						"wxwork.http.proxy.port=" + proxy.port())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					awaitConnected(context.getBean(BotEndpointRegistrar.class));
					assertEchoStreams();
					assertThat(proxy.answers()).containsOnly(200);
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head)
						.startsWith("CONNECT 127.0.0.1:" + port(this.wecom.url()) + " "));
				}));
		}
	}

	private void assertEchoStreams() {
		WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(this.wecom, "aib-1").deadline(WAIT).ask("zhangsan", "hi");
		assertThat(answer.content()).isEqualTo("echo: hi");
		assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
		assertThat(answer.finished()).isTrue();
	}

	private void awaitConnected(BotEndpointRegistrar registrar) {
		await("subscribed", WAIT, () -> this.wecom.isSubscribed("aib-1"));
		await("the subscription acknowledged", WAIT, registrar.connections().get("assistant")::isConnected);
	}

	private static void withoutTheTunnellingProperty(Runnable action) {
		String value = System.clearProperty(WxWorkProxy.TUNNELING_DISABLED_SCHEMES);
		try {
			action.run();
		}
		finally {
			if (value != null) {
				System.setProperty(WxWorkProxy.TUNNELING_DISABLED_SCHEMES, value);
			}
		}
	}

	private static int port(String url) {
		String authority = url.substring(url.indexOf("://") + 3);
		int slash = authority.indexOf('/');
		authority = (slash >= 0) ? authority.substring(0, slash) : authority;
		return Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
	}

	@WxWorkBot("assistant")
	static class Assistant {

		@OnBotMessage
		Flux<String> echo(BotTextMessage text) {
			return Flux.just("echo: ", text.content());
		}

	}

}

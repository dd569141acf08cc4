package dev.wxwork.bot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.autoconfigure.WxWorkProperties;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A bot's secret, callback token and key, the one-time response_code of a response_url and what users
 * write never reach the log, an exception or a {@code toString()}: a bot runs through good, forged and
 * failing callbacks at DEBUG, and its output is searched for them.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = BotSecretsStayOutOfLogsTest.App.class,
		properties = { "wxwork.token-store=memory", "logging.level.dev.wxwork=DEBUG",
				"wxwork.bots.quiet.bot-id=aibQuietBot", "wxwork.bots.quiet.secret=" + BotSecretsStayOutOfLogsTest.SECRET,
				"wxwork.bots.quiet.callback.token=" + BotSecretsStayOutOfLogsTest.TOKEN,
				"wxwork.bots.quiet.callback.encoding-aes-key=" + BotSecretsStayOutOfLogsTest.KEY })
class BotSecretsStayOutOfLogsTest {

	static final String SECRET = "BotSecretValue0123456789";

	static final String TOKEN = "BotCallbackToken42";

	static final String KEY = "Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9Pa0SdFgHjKlZxCvB";

	static final String RESPONSE_CODE = "ResponseCodeValue777";

	static final String USER_TEXT = "PrivateUserWords314";

	private static HttpServer wecom;

	// WeCom's bot server, which refuses this secret: the refusals and retries are logged, the secret never
	private static final dev.wxwork.test.WeComBotServerStandIn botServer = dev.wxwork.test.WeComBotServerStandIn
		.start()
		.bot("aibQuietBot", "another-secret");

	@org.springframework.test.context.DynamicPropertySource
	static void botServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("wxwork.bots.quiet.ws-url", botServer::url);
		registry.add("wxwork.bots.quiet.connection.reconnect-min-delay", () -> "100ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("quiet")
	WxWorkBotClient client;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void startWeCom() throws IOException {
		wecom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		wecom.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		wecom.start();
	}

	@AfterAll
	static void stopWeCom() {
		botServer.close();
		wecom.stop(0);
	}

	@Test
	void nothingSecretOrPrivateIsWrittenOrShown(CapturedOutput output) {
		WeComBotDriver sender = new WeComBotDriver("http://127.0.0.1:" + this.port + "/wxwork/bots/quiet/callback", TOKEN,
				KEY);
		JsonNode first = sender.send(WeComBotDriver.text("zhangsan", USER_TEXT));
		BotCallbackModeTest.pollUntilFinished(sender, first.at("/stream/id").asString(), first);
		WeComCrypto.Sealed forged = sender.crypto().seal(WeComBotDriver.text("zhangsan", USER_TEXT));
		sender.post(new WeComCrypto.Sealed(forged.encrypt(), "f".repeat(40), forged.timestamp(), forged.nonce()));
		sender.verify("echo");
		String responseUrl = "http://127.0.0.1:" + wecom.getAddress().getPort() + "/cgi-bin/aibot/response?response_code="
				+ RESPONSE_CODE;
		String refused = assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.client.replyMarkdown(responseUrl, USER_TEXT))
			.actual()
			.getMessage();
		dev.wxwork.test.WeComBotServerStandIn.await("two refused subscriptions", java.time.Duration.ofSeconds(20),
				() -> botServer.subscribeAttempts().size() >= 2);
		String shown = output.getAll() + refused + this.client + this.context.getBean(WxWorkProperties.class)
				+ this.context.getBean(WxWorkProperties.class).getBots().get("quiet")
				+ this.context.getBean(BotEndpointRegistrar.class).endpoints()
				+ this.context.getBean(BotEndpointRegistrar.class).connections();
		assertThat(output.getAll()).contains("Refused a callback to bot 'quiet'", "Bot stream",
				"refused the subscription of bot 'quiet'");
		assertThat(shown).doesNotContain(SECRET, TOKEN, KEY, RESPONSE_CODE, USER_TEXT);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(QuietBot.class)
	static class App {

	}

	@WxWorkBot("quiet")
	static class QuietBot {

		@OnBotMessage
		Flux<String> answer(BotTextMessage text) {
			return Flux.concat(Flux.just(text.content()), Flux.error(new IllegalStateException("the model failed")));
		}

	}

}

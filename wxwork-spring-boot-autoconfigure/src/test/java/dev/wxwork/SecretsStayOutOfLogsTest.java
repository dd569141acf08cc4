package dev.wxwork;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets, AES keys and access tokens never reach the log, an exception or a {@code toString()}: a
 * whole application runs through good and bad calls and callbacks, and its output is searched for them.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SecretsStayOutOfLogsTest.App.class,
		properties = { "wxwork.corp-id=corp1", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory", "logging.level.dev.wxwork=DEBUG",
				"wxwork.agents.good.agent-id=1", "wxwork.agents.good.secret=" + SecretsStayOutOfLogsTest.SECRET,
				"wxwork.agents.good.callback.token=" + SecretsStayOutOfLogsTest.CALLBACK_TOKEN,
				"wxwork.agents.good.callback.encoding-aes-key=" + SecretsStayOutOfLogsTest.AES_KEY,
				"wxwork.agents.rotated.secret=" + SecretsStayOutOfLogsTest.ROTATED_SECRET })
class SecretsStayOutOfLogsTest {

	static final String SECRET = "GoodSecretValue0123456789";

	static final String ROTATED_SECRET = "RotatedSecretValue987654";

	static final String CALLBACK_TOKEN = "CallbackTokenValue42";

	static final String AES_KEY = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXwVuT";

	static final WeComStandIn wecom = new WeComStandIn("corp1").secret(SECRET);

	@DynamicPropertySource
	static void wecom(DynamicPropertyRegistry registry) {
		registry.add("wxwork.api-base-url", wecom::baseUrl);
	}

	@AfterAll
	static void close() {
		wecom.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("good")
	WxWorkAgent good;

	@Autowired
	@Qualifier("rotated")
	WxWorkAgent rotated;

	@Autowired
	WxWorkAgents agents;

	@Test
	void noSecretKeyOrTokenIsEverWrittenOut(CapturedOutput output) throws Exception {
		wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"a\"}");
		this.good.users().get("a");
		String token = this.good.accessToken();
		wecom.expireAllTokens();
		this.good.users().get("a");
		String refreshed = this.good.accessToken();
		StringBuilder written = new StringBuilder();
		assertThatExceptionOfType(WxWorkException.class).isThrownBy(() -> this.rotated.users().get("a"))
			.satisfies((ex) -> written.append(ex).append(ex.getMessage()));
		wecom.respond("/cgi-bin/user/get", "{\"errcode\":60111,\"errmsg\":\"userid not found\"}");
		assertThatExceptionOfType(WxWorkException.class).isThrownBy(() -> this.good.users().get("nobody"))
			.satisfies((ex) -> written.append(ex));

		String url = "http://127.0.0.1:" + this.port + "/wxwork/good/callback";
		WeComCallbackSender sender = WeComCallbackSender.of(url, CALLBACK_TOKEN, AES_KEY, "corp1");
		sender.send(sender.text("zhangsan", "hello"));
		sender.verify("echo-me");
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url + "?msg_signature=bad&timestamp=1&nonce=2"))
				.POST(HttpRequest.BodyPublishers.ofString("<xml><Encrypt>AAAA</Encrypt></xml>"))
				.build(), HttpResponse.BodyHandlers.ofString());
		written.append(this.good).append(this.rotated).append(this.agents).append(this.good.accessTokenCredential());

		String everything = output.getAll() + written;
		assertThat(everything).contains("40001").contains("Refused a callback");
		assertThat(everything).doesNotContain(SECRET)
			.doesNotContain(ROTATED_SECRET)
			.doesNotContain(CALLBACK_TOKEN)
			.doesNotContain(AES_KEY)
			.doesNotContain(token)
			.doesNotContain(refreshed);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(GoodCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "good")
	static class GoodCallbacks {

		@OnMessage
		void text(TextMessage message) {
		}

	}

}

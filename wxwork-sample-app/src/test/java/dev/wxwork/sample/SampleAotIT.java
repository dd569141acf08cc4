package dev.wxwork.sample;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.test.WeComBotDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar after Boot's AOT processing ({@code process-aot} in this module's build), started with
 * {@code -Dspring.aot.enabled=true}: the app runs on the generated bean definitions rather than on
 * configuration classes and conditions, and a callback, a send, a group-robot post and a bot callback go
 * through the library's beans.
 */
class SampleAotIT {

	private static final String CORP_ID = "wx5823bf96d3bd56c7";

	private static final CallbackCrypto VECTOR_CRYPTO = new CallbackCrypto("QDG6eK",
			"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CORP_ID);

	// WeCom's official callback test vector (doc 91144), as in SampleAppIT
	private static final String VECTOR_MESSAGE_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SampleAppProcess app;

	@BeforeAll
	static void startThePackagedJarInAotMode() throws Exception {
		app = SampleAppProcess.start("sample-aot-it.log", List.of("-Dspring.aot.enabled=true"),
				"--wxwork.callback.timestamp-tolerance=36500d", "--wxwork.callback.deduplication-window=73000d")
			.awaitStarted(Instant.now().plus(Duration.ofSeconds(120)));
	}

	@AfterAll
	static void stopTheApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void theJarHoldsTheGeneratedCodeAndTheAppRunsOnIt() throws Exception {
		try (JarFile jar = new JarFile(new File(System.getProperty("sample.jar")))) {
			assertThat(jar.getEntry("BOOT-INF/classes/dev/wxwork/sample/SampleApplication__ApplicationContextInitializer.class"))
				.as("the AOT-generated initializer in the jar")
				.isNotNull();
			assertThat(jar.getEntry("BOOT-INF/classes/dev/wxwork/autoconfigure/WxWorkAgentBeans__BeanDefinitions.class"))
				.as("the generated definitions of the agent beans")
				.isNotNull();
		}
		// Boot's startup line says so only when it runs on the generated initializer (AotDetector)
		assertThat(Files.readString(app.log())).contains("Starting AOT-processed SampleApplication");
	}

	@Test
	void answersTheOfficialVectorWithASignedEncryptedEcho() throws Exception {
		HttpResponse<String> verification = app.get("/wxwork/demo/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
				+ "&timestamp=1409659589&nonce=263014780&echostr=" + URLEncoder.encode(
						"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
						StandardCharsets.UTF_8));
		assertThat(verification.statusCode()).isEqualTo(200);
		assertThat(verification.body()).isEqualTo("1616140317555161061");
		String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
				+ VECTOR_MESSAGE_ENCRYPT + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
		HttpResponse<String> response = app.post("/wxwork/demo/callback?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6"
				+ "&timestamp=1409659813&nonce=1372623149", "text/xml", body);
		assertThat(response.statusCode()).isEqualTo(200);
		CallbackMessage reply = CallbackMessage.parse(VECTOR_CRYPTO.openReply(response.body()));
		assertThat(reply.get("Content")).isEqualTo("echo: hello");
		assertThat(reply.toUserName()).isEqualTo("mycreate");
	}

	@Test
	void sendsATextMessageThroughTheSimulator() throws Exception {
		String content = "aot " + System.nanoTime();
		HttpResponse<String> response = app.postJson("/messages",
				JSON.createObjectNode().put("toUser", "zhangsan").put("content", content).toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String msgid = JSON.readTree(response.body()).path("msgid").asString();
		assertThat(msgid).isNotBlank();
		assertThat(JSON.readTree(app.get("/simulator/messages").body()).valueStream()
			.filter((sent) -> msgid.equals(sent.path("msgid").asString()))
			.map((sent) -> sent.path("message")))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.path("touser").asString()).isEqualTo("zhangsan");
				assertThat(message.path("agentid").asLong()).isEqualTo(1000002L);
				assertThat(message.at("/text/content").asString()).isEqualTo(content);
			});
		// and a WeCom error still comes back typed, with its errcode
		HttpResponse<String> nobody = app.postJson("/messages", "{\"toUser\":\"nobody\",\"content\":\"hi\"}");
		assertThat(nobody.statusCode()).isEqualTo(502);
		assertThat(JSON.readTree(nobody.body()).path("errcode").asInt()).isEqualTo(81013);
	}

	@Test
	void postsMarkdownThroughTheOpsRobot() throws Exception {
		String markdown = "**aot** " + System.nanoTime();
		HttpResponse<String> sent = app.postJson("/webhooks/ops", JSON.createObjectNode().put("markdown", markdown).toString());
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(JSON.readTree(app.get("/simulator/webhook/messages").body()).valueStream()
			.map((posted) -> posted.path("message")))
			.anySatisfy((message) -> assertThat(message.at("/markdown/content").asString()).isEqualTo(markdown));
	}

	@Test
	void theDemoBotStreamsItsEchoAndWelcomes() {
		WeComBotDriver wecom = new WeComBotDriver(app.baseUrl() + "/wxwork/bots/demo-bot/callback", "DemoBotToken",
				"DemoBotEncodingAESKey0123456789abcdefghijkl");
		WeComBotDriver.Answer answer = wecom.ask("zhangsan", "你好, aot");
		assertThat(answer.finished()).isTrue();
		assertThat(answer.content()).isEqualTo("echo: 你好, aot");
		assertThat(answer.replies()).allSatisfy((reply) -> assertThat(reply.at("/stream/id").asString()).isEqualTo(answer.streamId()));
		assertThat(wecom.enterChat("zhangsan").at("/text/content").asString()).isEqualTo("welcome");
	}

}

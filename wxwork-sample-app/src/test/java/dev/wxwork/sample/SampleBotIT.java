package dev.wxwork.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot {@code demo-bot} of the packaged jar, as SAMPLE-CONTRACT.md fixes it: a text message gets a
 * streamed {@code echo: <content>} in at least two updates of one stream id, the last finished; an
 * enter_chat event gets {@code welcome}. Driven once by this test playing WeCom itself, and once
 * through the built-in simulator a newcomer would use. The app runs with the {@code long-connection} profile,
 * so {@code demo-bot} is also connected to the simulator's bot WebSocket server, over which the same bot
 * answers too.
 */
class SampleBotIT {


	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SampleAppProcess app;

	// plays WeCom towards the bot's callback URL, with the test kit's own crypto
	private static WeComBotDriver wecom;

	@BeforeAll
	static void startThePackagedJar() throws Exception {
		app = SampleAppProcess.start("sample-bot-it.log", "--spring.profiles.active=long-connection").awaitStarted(Instant.now().plus(Duration.ofSeconds(120)));
		wecom = new WeComBotDriver(app.baseUrl() + "/wxwork/bots/demo-bot/callback", "DemoBotToken",
				"DemoBotEncodingAESKey0123456789abcdefghijkl");
	}

	@AfterAll
	static void killTheApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void streamsTheEchoOfATextMessageToWeComsPolls() {
		WeComBotDriver.Answer answer = wecom.ask("zhangsan", "你好, bot");
		assertThat(answer.finished()).isTrue();
		assertThat(answer.content()).isEqualTo("echo: 你好, bot");
		assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
		assertThat(answer.replies().get(0).at("/stream/finish").asBoolean()).isFalse();
		for (JsonNode update : answer.replies()) {
			assertThat(update.at("/stream/id").asString()).isEqualTo(answer.streamId());
			assertThat("echo: 你好, bot").startsWith(update.at("/stream/content").asString());
		}
	}

	@Test
	void welcomesAUserEnteringTheChat() {
		JsonNode reply = wecom.enterChat("zhangsan");
		assertThat(reply.path("msgtype").asString()).isEqualTo("text");
		assertThat(reply.at("/text/content").asString()).isEqualTo("welcome");
	}

	@Test
	void theSimulatorShowsTheStreamedAnswerOffline() throws Exception {
		HttpResponse<String> response = app.postJson("/simulator/bots/push",
				"{\"bot\":\"demo-bot\",\"msgType\":\"text\",\"fromUser\":\"zhangsan\",\"content\":\"hi\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("finished").asBoolean()).isTrue();
		assertThat(answer.path("replyContent").asString()).isEqualTo("echo: hi");
		JsonNode updates = answer.path("updates");
		assertThat(updates.size()).isGreaterThanOrEqualTo(2);
		assertThat(updates.get(0).path("finish").asBoolean()).isFalse();
		assertThat(updates.get(updates.size() - 1).path("finish").asBoolean()).isTrue();
		String id = answer.path("streamId").asString();
		assertThat(answer.path("replies")).allSatisfy((reply) -> assertThat(reply.at("/stream/id").asString()).isEqualTo(id));

		HttpResponse<String> welcome = app.postJson("/simulator/bots/push", "{\"msgType\":\"event\",\"event\":\"enter_chat\"}");
		assertThat(JSON.readTree(welcome.body()).path("replyContent").asString()).isEqualTo("welcome");
	}

	@Test
	void theSimulatorPlaysWeComsBotServerOverALocalWebSocket() throws Exception {
		Instant deadline = Instant.now().plusSeconds(60);
		while (!JSON.readTree(app.get("/simulator/bots/ws").body()).at("/connected/demo-bot").asBoolean()) {
			assertThat(Instant.now()).as("demo-bot connects to the simulator's bot server; see " + app.log()).isBefore(deadline);
			Thread.sleep(200);
		}
		HttpResponse<String> response = app.postJson("/simulator/bots/ws/push",
				"{\"bot\":\"demo-bot\",\"msgType\":\"text\",\"fromUser\":\"lisi\",\"content\":\"你好, socket\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.path("finished").asBoolean()).isTrue();
		assertThat(answer.path("replyContent").asString()).isEqualTo("echo: 你好, socket");
		JsonNode updates = answer.path("updates");
		assertThat(updates.size()).isGreaterThanOrEqualTo(2);
		for (int i = 0; i < updates.size(); i++) {
			assertThat(updates.get(i).path("finish").asBoolean()).isEqualTo(i == updates.size() - 1);
			assertThat("echo: 你好, socket").startsWith(updates.get(i).path("content").asString());
		}
		String id = answer.path("streamId").asString();
		assertThat(answer.path("replies")).allSatisfy((reply) -> assertThat(reply.at("/stream/id").asString()).isEqualTo(id));

		HttpResponse<String> welcome = app.postJson("/simulator/bots/ws/push", "{\"msgType\":\"event\",\"event\":\"enter_chat\"}");
		assertThat(JSON.readTree(welcome.body()).path("replyContent").asString()).isEqualTo("welcome");
	}

	@Test
	void refusesAForgedCallbackWithTheUniform400() {
		WeComCrypto.Sealed sealed = wecom.crypto().seal(WeComBotDriver.text("zhangsan", "forged"));
		HttpResponse<String> response = wecom.post(new WeComCrypto.Sealed(sealed.encrypt(), "0".repeat(40),
				sealed.timestamp(), sealed.nonce()));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("invalid callback");
	}

}

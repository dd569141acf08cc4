package dev.wxwork.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

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

	private static final CallbackCrypto BOT_CRYPTO = new CallbackCrypto("DemoBotToken",
			"DemoBotEncodingAESKey0123456789abcdefghijkl", "");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SampleAppProcess app;

	@BeforeAll
	static void startThePackagedJar() throws Exception {
		app = SampleAppProcess.start("sample-bot-it.log", "--spring.profiles.active=long-connection").awaitStarted(Instant.now().plus(Duration.ofSeconds(120)));
	}

	@AfterAll
	static void killTheApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void streamsTheEchoOfATextMessageToWeComsPolls() throws Exception {
		JsonNode first = send(message("text", "你好, bot"));
		assertThat(first.path("msgtype").asString()).isEqualTo("stream");
		String id = first.at("/stream/id").asString();
		assertThat(first.at("/stream/finish").asBoolean()).isFalse();
		List<JsonNode> updates = new ArrayList<>(List.of(first));
		Instant deadline = Instant.now().plusSeconds(30);
		while (!updates.get(updates.size() - 1).at("/stream/finish").asBoolean()) {
			assertThat(Instant.now()).as("the stream finishes within 30 s").isBefore(deadline);
			Thread.sleep(100);
			ObjectNode refresh = envelope("stream");
			refresh.putObject("stream").put("id", id);
			updates.add(send(refresh.toString()));
		}
		assertThat(updates).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((update) -> assertThat(update.at("/stream/id").asString()).isEqualTo(id));
		assertThat(updates.get(updates.size() - 1).at("/stream/content").asString()).isEqualTo("echo: 你好, bot");
		for (JsonNode update : updates) {
			assertThat("echo: 你好, bot").startsWith(update.at("/stream/content").asString());
		}
	}

	@Test
	void welcomesAUserEnteringTheChat() throws Exception {
		ObjectNode event = envelope("event");
		event.putObject("event").put("eventtype", "enter_chat").putObject("enter_chat");
		JsonNode reply = send(event.toString());
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
	void refusesAForgedCallbackWithTheUniform400() throws Exception {
		SealedMessage sealed = BOT_CRYPTO.seal(message("text", "forged"));
		HttpResponse<String> response = app.post("/wxwork/bots/demo-bot/callback?msg_signature=" + "0".repeat(40)
				+ "&timestamp=" + sealed.timestamp() + "&nonce=" + sealed.nonce(), "application/json",
				JSON.createObjectNode().put("encrypt", sealed.encrypt()).toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("invalid callback");
	}

	private static String message(String type, String content) {
		ObjectNode message = envelope(type);
		message.putObject(type).put("content", content);
		return message.toString();
	}

	private static ObjectNode envelope(String msgType) {
		ObjectNode message = JSON.createObjectNode()
			.put("msgid", "it" + System.nanoTime())
			.put("aibotid", "aibsample")
			.put("chattype", "single");
		message.putObject("from").put("userid", "zhangsan");
		return message.put("msgtype", msgType);
	}

	/** Seals the callback as WeCom does, POSTs it, and opens the sealed JSON reply, checking its signature. */
	private static JsonNode send(String callback) throws Exception {
		SealedMessage sealed = BOT_CRYPTO.seal(callback);
		HttpResponse<String> response = app.post("/wxwork/bots/demo-bot/callback?" + sealed.callbackQuery(),
				"application/json", JSON.createObjectNode().put("encrypt", sealed.encrypt()).toString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = JSON.readTree(response.body());
		assertThat(reply.path("nonce").asString()).isEqualTo(sealed.nonce());
		return JSON.readTree(BOT_CRYPTO.openText(reply.path("msgsignature").asString(), reply.path("timestamp").asString(),
				sealed.nonce(), reply.path("encrypt").asString()));
	}

}

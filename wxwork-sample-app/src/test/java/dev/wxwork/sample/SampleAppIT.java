package dev.wxwork.sample;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.CallbackXml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar as a newcomer would (no Redis, no WeCom account, only a port) and walks the
 * README: the official test vector, sending a message, pushing a message and an event through the
 * built-in simulator, and a replay. The process is killed at the end, whatever happened.
 */
class SampleAppIT {

	// WeCom's official callback test vector (doc 91144), which the sample app is configured with.
	private static final String CORP_ID = "wx5823bf96d3bd56c7";

	private static final CallbackCrypto VECTOR_CRYPTO = new CallbackCrypto("QDG6eK",
			"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CORP_ID);

	private static final String VECTOR_MESSAGE_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

	// GET /events keeps the last 1,000 callbacks.
	private static final int CAPACITY = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// the vector was sealed in 2014: the documented command-line override that lets the sample answer it
	private static final String[] OFFICIAL_VECTOR_TOLERANCE = { "--wxwork.callback.timestamp-tolerance=36500d",
			"--wxwork.callback.deduplication-window=73000d" };

	private static SampleAppProcess app;

	@BeforeAll
	static void startThePackagedJar() throws Exception {
		app = SampleAppProcess.start("sample-app-it.log", OFFICIAL_VECTOR_TOLERANCE).awaitStarted(Instant.now().plus(Duration.ofSeconds(120)));
	}

	@AfterAll
	static void killTheApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void answersWeComsUrlVerificationWithTheOfficialVector() throws Exception {
		HttpResponse<String> response = get("/wxwork/demo/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
				+ "&timestamp=1409659589&nonce=263014780&echostr=" + URLEncoder.encode(
						"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
						StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1616140317555161061");
	}

	@Test
	void echoesTheOfficialSampleMessageInASignedEncryptedReply() throws Exception {
		String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
				+ VECTOR_MESSAGE_ENCRYPT + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
		HttpResponse<String> response = app.post("/wxwork/demo/callback?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6"
				+ "&timestamp=1409659813&nonce=1372623149", "text/xml", body);
		assertThat(response.statusCode()).isEqualTo(200);
		ObjectNode sealed = CallbackXml.read(response.body());
		assertThat(sealed.properties()).extracting((field) -> field.getKey())
			.containsExactlyInAnyOrder("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
		assertThat(VECTOR_CRYPTO.isSignatureValid(sealed.get("MsgSignature").stringValue(),
				sealed.get("TimeStamp").stringValue(), sealed.get("Nonce").stringValue(),
				sealed.get("Encrypt").stringValue()))
			.as("the reply's msg_signature")
			.isTrue();
		CallbackMessage reply = CallbackMessage.parse(VECTOR_CRYPTO.openReply(response.body()));
		assertThat(reply.msgType()).isEqualTo("text");
		assertThat(reply.get("Content")).isEqualTo("echo: hello");
		assertThat(reply.toUserName()).isEqualTo("mycreate");
		assertThat(reply.fromUserName()).isEqualTo(CORP_ID);
	}

	@Test
	void sendsATextMessageThroughTheSimulator() throws Exception {
		HttpResponse<String> response = postJson("/messages", "{\"toUser\":\"zhangsan|nobody\",\"content\":\"hi <&> 你好\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		String msgid = answer.path("msgid").asString();
		assertThat(msgid).isNotBlank();
		assertThat(answer.path("invaliduser").isArray()).isTrue();
		assertThat(answer.path("invaliduser").valueStream().map(JsonNode::asString)).containsExactly("nobody");
		// What the simulated WeCom received: the library's request, as WeCom documents it (doc 90236).
		JsonNode received = null;
		for (JsonNode sent : JSON.readTree(get("/simulator/messages").body())) {
			if (msgid.equals(sent.path("msgid").asString())) {
				received = sent.path("message");
			}
		}
		assertThat(received).as("the message the simulator received").isNotNull();
		assertThat(received.path("touser").asString()).isEqualTo("zhangsan|nobody");
		assertThat(received.path("msgtype").asString()).isEqualTo("text");
		assertThat(received.path("agentid").asLong()).isEqualTo(1000002L);
		assertThat(received.path("text").path("content").asString()).isEqualTo("hi <&> 你好");
	}

	@Test
	void answersWeComErrorsWithBadGatewayAndTheErrcode() throws Exception {
		HttpResponse<String> nobody = postJson("/messages", "{\"toUser\":\"nobody\",\"content\":\"hi\"}");
		assertThat(nobody.statusCode()).isEqualTo(502);
		JsonNode error = JSON.readTree(nobody.body());
		assertThat(error.path("errcode").asInt()).isEqualTo(81013);
		assertThat(error.path("errmsg").asString()).isNotBlank();
		HttpResponse<String> empty = postJson("/messages", "{\"toUser\":\"zhangsan\",\"content\":\"\"}");
		assertThat(empty.statusCode()).isEqualTo(502);
		assertThat(JSON.readTree(empty.body()).path("errcode").asInt()).isEqualTo(44004);
	}

	@Test
	void refusesAMessageWithoutRecipientBeforeCallingWeCom() throws Exception {
		assertThat(postJson("/messages", "{\"toUser\":\"\",\"content\":\"hi\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void echoesAPushedTextMessageUnchanged() throws Exception {
		String content = "你好 <&> \"quoted\" ]]> end";
		JsonNode answer = push(JSON.createObjectNode()
			.put("msgType", "text")
			.put("fromUser", "zhangsan")
			.put("content", content));
		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("replyContent").asString()).isEqualTo("echo: " + content);
		CallbackMessage reply = CallbackMessage.parse(answer.path("reply").asString());
		assertThat(reply.toUserName()).isEqualTo("zhangsan");
		assertThat(reply.get("Content")).isEqualTo("echo: " + content);
		assertThat(lastEvents(10)).anySatisfy((event) -> {
			assertThat(event.path("msgType").asString()).isEqualTo("text");
			assertThat(event.path("fromUser").asString()).isEqualTo("zhangsan");
			assertThat(event.path("msgId").asString()).isEqualTo(answer.path("msgId").asString());
		});
	}

	@Test
	void welcomesAPushedNewMemberAfterTheAcknowledgementAndListsTheEvent() throws Exception {
		String userId = "lisi" + System.nanoTime();
		JsonNode answer = push(JSON.createObjectNode()
			.put("msgType", "event")
			.put("event", "change_contact")
			.put("changeType", "create_user")
			.put("userId", userId)
			.put("name", "李四"));
		assertThat(answer.path("status").asInt()).isEqualTo(200);
		assertThat(answer.path("replyContent").isNull()).isTrue();
		// async: acknowledged first, handled after; the welcome reaches the simulated WeCom once
		Instant deadline = Instant.now().plusSeconds(30);
		List<JsonNode> welcomes = welcomesTo(userId);
		while (welcomes.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			welcomes = welcomesTo(userId);
		}
		assertThat(welcomes).as("welcomes to " + userId).singleElement().satisfies((welcome) -> {
			assertThat(welcome.path("content").asString()).isEqualTo("welcome, 李四");
			assertThat(welcome.path("count").asLong()).isEqualTo(1);
		});
		JsonNode event = null;
		for (JsonNode candidate : lastEvents(CAPACITY)) {
			if (userId.equals(candidate.path("userId").asString())) {
				event = candidate;
			}
		}
		assertThat(event).as("the create_user event in /events").isNotNull();
		assertThat(event.path("msgType").asString()).isEqualTo("event");
		assertThat(event.path("event").asString()).isEqualTo("change_contact");
		assertThat(event.path("changeType").asString()).isEqualTo("create_user");
		assertThat(event.path("fromUser").asString()).isEqualTo("sys");
		assertThat(event.path("createTime").asLong()).isEqualTo(answer.path("createTime").asLong());
		assertThat(event.has("msgId")).as("msgId is written, as null").isTrue();
		assertThat(event.get("msgId").isNull()).isTrue();
	}

	private static List<JsonNode> welcomesTo(String userId) throws Exception {
		HttpResponse<String> response = get("/simulator/deliveries");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> welcomes = new ArrayList<>();
		JSON.readTree(response.body()).forEach((delivery) -> {
			if (userId.equals(delivery.path("toUser").asString())) {
				welcomes.add(delivery);
			}
		});
		return welcomes;
	}

	@Test
	void recordsAReplayedPushOnce() throws Exception {
		ObjectNode message = JSON.createObjectNode()
			.put("msgType", "text")
			.put("fromUser", "wangwu")
			.put("content", "once");
		JsonNode first = push(message);
		assertThat(first.path("replyContent").asString()).isEqualTo("echo: once");
		String msgId = first.path("msgId").asString();
		// WeCom's retry: the same MsgId again (sealed anew, as WeCom does).
		JsonNode replay = push(message.put("msgId", msgId).put("createTime", first.path("createTime").asLong()));
		assertThat(replay.path("status").asInt()).isEqualTo(200);
		assertThat(replay.path("reply").isNull()).as("no second reply to a replay").isTrue();
		assertThat(lastEvents(CAPACITY)).filteredOn((event) -> msgId.equals(event.path("msgId").asString()))
			.hasSize(1);
	}

	@Test
	void postsMarkdownThroughTheOpsRobotUntilWeComsTwentyAMinuteLimit() throws Exception {
		String markdown = "**deploy** <font color=\"info\">done</font> " + System.nanoTime();
		HttpResponse<String> sent = postJson("/webhooks/ops", JSON.writeValueAsString(
				JSON.createObjectNode().put("markdown", markdown)));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(JSON.readTree(sent.body()).path("errcode").asInt()).isEqualTo(0);
		// what the simulated group received: the library's request, as WeCom documents it (doc 91770)
		assertThat(JSON.readTree(get("/simulator/webhook/messages").body()).valueStream()
			.map((posted) -> posted.path("message")))
			.anySatisfy((message) -> {
				assertThat(message.path("msgtype").asString()).isEqualTo("markdown");
				assertThat(message.path("markdown").path("content").asString()).isEqualTo(markdown);
			});
		// the simulator keeps WeCom's 20 messages a minute per robot: the 21st at the latest is refused
		HttpResponse<String> refused = null;
		for (int i = 0; i < 20 && (refused == null || refused.statusCode() == 200); i++) {
			refused = postJson("/webhooks/ops", "{\"markdown\":\"alert " + i + "\"}");
		}
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
		JsonNode error = JSON.readTree(refused.body());
		assertThat(error.path("errcode").asInt()).isEqualTo(45009);
		assertThat(error.path("errmsg").asString()).isNotBlank();
		assertThat(postJson("/webhooks/ops", "{\"markdown\":\"\"}").statusCode()).isEqualTo(400);
	}

	private static List<JsonNode> lastEvents(int count) throws Exception {
		HttpResponse<String> response = get("/events");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		JSON.readTree(response.body()).forEach(events::add);
		return events.subList(Math.max(0, events.size() - count), events.size());
	}

	private static JsonNode push(ObjectNode request) throws Exception {
		HttpResponse<String> response = postJson("/simulator/push", JSON.writeValueAsString(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return app.get(path);
	}

	private static HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return app.postJson(path, json);
	}

}

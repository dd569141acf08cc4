package dev.wxwork.sample.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.autoconfigure.WxWorkProperties;
import dev.wxwork.test.WeComCrypto;

/**
 * Plays WeCom's part of a bot's callback URL (docs 101033, 100719): writes the message or event as
 * WeCom's JSON, seals it with the bot's Token and EncodingAESKey and the empty receive id, POSTs
 * {@code {"encrypt": ...}}, opens the sealed JSON reply, and, while the reply is an unfinished stream,
 * keeps polling with stream refresh callbacks as WeCom does, until {@code finish}.
 */
public final class BotCallbackPusher {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final int MAX_POLLS = 120;

	private final WxWorkProperties wxwork;

	private final IntSupplier port;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicLong msgIds;

	public BotCallbackPusher(WxWorkProperties wxwork, IntSupplier port, Clock clock) {
		this.wxwork = wxwork;
		this.port = port;
		this.clock = clock;
		this.msgIds = new AtomicLong(clock.millis() * 1000);
	}

	/**
	 * Pushes one callback and answers what WeCom saw: the HTTP status, every reply, and for a streamed
	 * answer the stream id and each distinct update ({@code content}, {@code finish}) in order.
	 */
	public Map<String, Object> push(BotPushRequest request) throws IOException, InterruptedException {
		String botName = (request.bot() != null) ? request.bot() : "demo-bot";
		WxWorkProperties.Bot bot = this.wxwork.getBots().get(botName);
		if (bot == null || bot.getCallback().getToken() == null || bot.getCallback().getEncodingAesKey() == null) {
			throw new IllegalArgumentException("No bot '" + botName + "' with a callback token and EncodingAESKey");
		}
		// sealed and opened by the test kit's own WeCom crypto, independent of the library's
		WeComCrypto crypto = new WeComCrypto(bot.getCallback().getToken(), bot.getCallback().getEncodingAesKey(), "");
		String target = (request.target() != null) ? request.target() : "http://127.0.0.1:" + this.port.getAsInt();
		String fromUser = (request.fromUser() != null) ? request.fromUser() : "zhangsan";
		ObjectNode callback = callback(request, fromUser);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("callback", callback);
		Exchange first = exchange(crypto, target, botName, callback);
		answer.put("status", first.status());
		List<JsonNode> replies = new ArrayList<>();
		answer.put("replies", replies);
		if (first.reply() == null) {
			answer.put("replyContent", null);
			return answer;
		}
		replies.add(first.reply());
		if (!"stream".equals(first.reply().path("msgtype").asString(""))) {
			answer.put("replyContent", first.reply().at("/text/content").asString(null));
			return answer;
		}
		String streamId = first.reply().at("/stream/id").asString();
		List<Map<String, Object>> updates = new ArrayList<>();
		addUpdate(updates, first.reply());
		JsonNode last = first.reply();
		for (int poll = 0; poll < MAX_POLLS && !last.at("/stream/finish").asBoolean(); poll++) {
			Thread.sleep(POLL_INTERVAL.toMillis());
			ObjectNode refresh = envelope(fromUser, "stream");
			refresh.putObject("stream").put("id", streamId);
			Exchange polled = exchange(crypto, target, botName, refresh);
			if (polled.reply() == null) {
				continue;
			}
			last = polled.reply();
			replies.add(last);
			addUpdate(updates, last);
		}
		answer.put("streamId", streamId);
		answer.put("updates", updates);
		answer.put("replyContent", last.at("/stream/content").asString());
		answer.put("finished", last.at("/stream/finish").asBoolean());
		return answer;
	}

	private static void addUpdate(List<Map<String, Object>> updates, JsonNode reply) {
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("content", reply.at("/stream/content").asString());
		update.put("finish", reply.at("/stream/finish").asBoolean());
		if (updates.isEmpty() || !updates.get(updates.size() - 1).equals(update)) {
			updates.add(update);
		}
	}

	private ObjectNode callback(BotPushRequest request, String fromUser) {
		String msgType = (request.msgType() != null) ? request.msgType() : "text";
		ObjectNode callback = envelope(fromUser, msgType);
		switch (msgType) {
			case "text", "voice" -> callback.putObject(msgType).put("content", (request.content() != null) ? request.content() : "");
			case "event" -> {
				if (request.event() == null) {
					throw new IllegalArgumentException("event is required for msgType event, such as enter_chat");
				}
				callback.put("create_time", this.clock.millis() / 1000);
				callback.putObject("event").put("eventtype", request.event()).putObject(request.event());
			}
			default -> throw new IllegalArgumentException("msgType must be text, voice or event");
		}
		return callback;
	}

	private ObjectNode envelope(String fromUser, String msgType) {
		ObjectNode callback = JSON.createObjectNode()
			.put("msgid", String.valueOf(this.msgIds.incrementAndGet()))
			.put("aibotid", "aibsimulator")
			.put("chattype", "single");
		callback.putObject("from").put("userid", fromUser);
		return callback.put("msgtype", msgType);
	}

	private Exchange exchange(WeComCrypto crypto, String target, String botName, ObjectNode callback)
			throws IOException, InterruptedException {
		WeComCrypto.Sealed sealed = crypto.seal(callback.toString(), this.clock);
		String body = JSON.createObjectNode().put("encrypt", sealed.encrypt()).toString();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(CallbackPusher.callbackUri(target, "bots/" + botName, sealed.callbackQuery()))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200 || response.body().isEmpty()) {
			return new Exchange(response.statusCode(), null);
		}
		JsonNode sealedReply = JSON.readTree(response.body());
		if (!sealed.nonce().equals(sealedReply.path("nonce").asString(""))) {
			throw new IllegalStateException("The bot's reply does not carry the callback's nonce, which WeCom requires");
		}
		// open checks the reply's signature before it decrypts, as WeCom does
		String plain = crypto.open(sealedReply.path("msgsignature").asString(""),
				sealedReply.path("timestamp").asString(""), sealed.nonce(), sealedReply.path("encrypt").asString(""));
		return new Exchange(200, JSON.readTree(plain));
	}

	private record Exchange(int status, JsonNode reply) {

	}

}

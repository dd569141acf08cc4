package dev.wxwork.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives an AI bot (智能机器人) in callback mode as WeCom does (docs 100719, 101031): seals a user's
 * message as JSON with the empty receive id, POSTs {@code {"encrypt": …}}, opens the sealed reply
 * (checking its signature and that it carries the callback's nonce) and, while the reply is a stream
 * that has not finished, sends the stream refresh callbacks WeCom sends, collecting the answer.
 * <pre>{@code
 * WeComBotDriver bot = new WeComBotDriver("http://127.0.0.1:" + port + "/wxwork/bots/demo-bot/callback", token, aesKey);
 * assertThat(bot.ask("zhangsan", "hello").content()).contains("hello");
 * }</pre>
 */
public final class WeComBotDriver {

	private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000L);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String url;

	private final WeComCrypto crypto;

	private volatile Duration pollInterval = Duration.ofMillis(50);

	private volatile Duration deadline = Duration.ofSeconds(60);

	public WeComBotDriver(String url, String token, String encodingAesKey) {
		this.url = url;
		this.crypto = new WeComCrypto(token, encodingAesKey, "");
	}

	/** How often to poll an unfinished stream (WeCom polls about once a second; tests need not wait). */
	public WeComBotDriver pollInterval(Duration interval) {
		this.pollInterval = interval;
		return this;
	}

	/** How long {@link #ask} waits for a stream to finish before it fails (WeCom's limit is 6 minutes). */
	public WeComBotDriver deadline(Duration deadline) {
		this.deadline = deadline;
		return this;
	}

	/** The crypto this driver seals with. */
	public WeComCrypto crypto() {
		return this.crypto;
	}

	/** The streamed answer: the last content shown, every reply received, and how many refreshes it took. */
	public record Answer(String content, String streamId, List<JsonNode> replies) {

		/** How many stream refresh callbacks were needed. */
		public int refreshes() {
			return this.replies.size() - 1;
		}

	}

	/**
	 * Sends a text message from this user in a single chat and follows the stream to its end; the answer
	 * is the last content (a stream's content replaces what was shown). Fails when the bot does not reply
	 * with a stream or the stream does not finish within the deadline.
	 */
	public Answer ask(String from, String text) {
		JsonNode first = send(text(from, text));
		if (first == null || !"stream".equals(first.path("msgtype").asString())) {
			throw new AssertionError("The bot did not answer with a stream: " + first);
		}
		List<JsonNode> replies = new ArrayList<>(List.of(first));
		String streamId = first.path("stream").path("id").asString();
		JsonNode last = first;
		Instant until = Instant.now().plus(this.deadline);
		while (!last.path("stream").path("finish").asBoolean(false)) {
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("The stream " + streamId + " did not finish in " + this.deadline + "; last: " + last);
			}
			sleep(this.pollInterval);
			last = send(refresh(from, streamId));
			if (last == null) {
				throw new AssertionError("The bot answered a stream refresh with an empty body");
			}
			replies.add(last);
		}
		return new Answer(last.path("stream").path("content").asString(), streamId, List.copyOf(replies));
	}

	/** A text message from a user in a single chat, as WeCom sends it. */
	public static String text(String from, String content) {
		ObjectNode message = envelope(from, "text");
		message.putObject("text").put("content", content);
		return message.toString();
	}

	/** An event of the given type with its body (such as {@code enter_chat}). */
	public static String event(String from, String eventType, JsonNode body) {
		ObjectNode message = envelope(from, "event");
		message.put("create_time", Instant.now().getEpochSecond());
		ObjectNode event = message.putObject("event").put("eventtype", eventType);
		event.set(eventType, body);
		return message.toString();
	}

	/** A stream refresh callback for this stream id, with its own msgid. */
	public static String refresh(String from, String streamId) {
		ObjectNode message = envelope(from, "stream");
		message.putObject("stream").put("id", streamId);
		return message.toString();
	}

	/** The fields every bot callback carries, with a fresh msgid. */
	public static ObjectNode envelope(String from, String msgType) {
		ObjectNode message = JSON.createObjectNode()
			.put("msgid", "msg" + MSG_IDS.incrementAndGet())
			.put("aibotid", "aibtest")
			.put("chattype", "single");
		message.putObject("from").put("userid", from);
		message.put("response_url", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=test");
		return message.put("msgtype", msgType);
	}

	/** Seals and posts a JSON callback and opens the reply: its JSON, or null for an empty 200; fails on anything else. */
	public JsonNode send(String json) {
		WeComCrypto.Sealed sealed = this.crypto.seal(json);
		HttpResponse<String> response = post(sealed);
		if (response.statusCode() != 200) {
			throw new AssertionError("WeCom would count this a failed callback: HTTP " + response.statusCode() + " "
					+ response.body());
		}
		if (response.body().isEmpty()) {
			return null;
		}
		JsonNode reply = JSON.readTree(response.body());
		String nonce = reply.path("nonce").asString();
		if (!nonce.equals(sealed.nonce())) {
			throw new AssertionError("The reply carries nonce " + nonce + ", not the callback's " + sealed.nonce());
		}
		return JSON.readTree(this.crypto.open(reply.path("msgsignature").asString(), reply.path("timestamp").asString(),
				nonce, reply.path("encrypt").asString()));
	}

	/**
	 * POSTs a sealed callback; the raw response. Seal with {@link #crypto()} to send the same callback twice (as
	 * WeCom retries) or to forge a variant of it, such as a wrong signature or a stale timestamp.
	 */
	public HttpResponse<String> post(WeComCrypto.Sealed sealed) {
		String body = JSON.createObjectNode().put("encrypt", sealed.encrypt()).toString();
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + sealed.callbackQuery()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/**
	 * Runs WeCom's URL verification (doc 101033) with this echo string sealed as the {@code echostr}; the raw
	 * response, whose body should be the echo string in plain text.
	 */
	public HttpResponse<String> verify(String echo) {
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + this.crypto.seal(echo).verificationQuery())).GET());
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The bot's callback URL " + this.url + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

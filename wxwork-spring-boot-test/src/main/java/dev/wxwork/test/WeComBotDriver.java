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
 * Drives an AI bot (智能机器人) as WeCom does, in either of WeCom's modes, and collects its streamed answer.
 * <p>
 * <b>Callback mode</b> (docs 100719, 101031; {@link #WeComBotDriver(String, String, String)}): seals a user's
 * message as JSON with the empty receive id, POSTs {@code {"encrypt": …}}, opens the sealed reply
 * (checking its signature and that it carries the callback's nonce) and, while the reply is a stream
 * that has not finished, sends the stream refresh callbacks WeCom sends, collecting the answer.
 * <pre>{@code
 * WeComBotDriver bot = new WeComBotDriver("http://127.0.0.1:" + port + "/wxwork/bots/demo-bot/callback", token, aesKey);
 * assertThat(bot.ask("zhangsan", "hello").content()).contains("hello");
 * }</pre>
 * <b>Long-connection mode</b> (doc 101463; {@link #connectedTo}): pushes the user's message as an
 * {@code aibot_msg_callback} frame over the bot's WebSocket to a {@link WeComBotServerStandIn} and collects the
 * bot's {@code aibot_respond_msg} frames for that {@code req_id} (there are no refresh polls on this channel:
 * the bot pushes every update) until one says {@code finish}.
 * <pre>{@code
 * WeComBotServerStandIn wecom = WeComBotServerStandIn.start().bot("aib-1", "bot-secret");
 * // the bot's ws-url is wecom.url(); once it is connected:
 * WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(wecom, "aib-1").ask("zhangsan", "hello");
 * assertThat(answer.content()).isEqualTo("echo: hello");
 * assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
 * }</pre>
 */
public final class WeComBotDriver {

	private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000L);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	// callback mode
	private final String url;

	private final WeComCrypto crypto;

	// long-connection mode
	private final WeComBotServerStandIn server;

	private final String botId;

	private volatile Duration pollInterval = Duration.ofMillis(50);

	private volatile Duration deadline = Duration.ofSeconds(60);

	public WeComBotDriver(String url, String token, String encodingAesKey) {
		this.url = url;
		this.crypto = new WeComCrypto(token, encodingAesKey, "");
		this.server = null;
		this.botId = null;
	}

	private WeComBotDriver(WeComBotServerStandIn server, String botId) {
		this.url = null;
		this.crypto = null;
		this.server = server;
		this.botId = botId;
	}

	/**
	 * A driver of the bot {@code botId} in long-connection mode: the bot must be connected to this stand-in
	 * (subscribed with its bot id and secret) when {@link #ask} or {@link #enterChat} is called.
	 */
	public static WeComBotDriver connectedTo(WeComBotServerStandIn server, String botId) {
		return new WeComBotDriver(server, botId);
	}

	/** Waits until the bot has a subscribed connection to the stand-in (long-connection mode only). */
	public WeComBotDriver awaitConnected() {
		WeComBotServerStandIn server = longConnection();
		WeComBotServerStandIn.await("bot " + this.botId + " subscribed", this.deadline, () -> server.isSubscribed(this.botId));
		return this;
	}

	/**
	 * How often to poll an unfinished stream (WeCom polls about once a second; tests need not wait); in
	 * long-connection mode, how often the frames the stand-in received are looked at.
	 */
	public WeComBotDriver pollInterval(Duration interval) {
		this.pollInterval = interval;
		return this;
	}

	/** How long {@link #ask} waits for a stream to finish before it fails (WeCom's limit is 6 minutes). */
	public WeComBotDriver deadline(Duration deadline) {
		this.deadline = deadline;
		return this;
	}

	/** The crypto this driver seals with (callback mode only). */
	public WeComCrypto crypto() {
		return callbackMode();
	}

	/**
	 * The streamed answer: the last content shown, the stream id, and every reply received (in callback mode
	 * the decrypted reply to the message and to each refresh; in long-connection mode the body of each
	 * {@code aibot_respond_msg} frame), in order.
	 */
	public record Answer(String content, String streamId, List<JsonNode> replies) {

		/** How many stream refresh callbacks were needed (callback mode). */
		public int refreshes() {
			return this.replies.size() - 1;
		}

		/** How many replies the stream took, the first and the last included. */
		public int updates() {
			return this.replies.size();
		}

		/** Whether the last reply says {@code finish: true}. */
		public boolean finished() {
			return !this.replies.isEmpty()
					&& this.replies.get(this.replies.size() - 1).path("stream").path("finish").asBoolean(false);
		}

	}

	/**
	 * Sends a text message from this user in a single chat and follows the stream to its end; the answer
	 * is the last content (a stream's content replaces what was shown). Fails when the bot does not reply
	 * with a stream or the stream does not finish within the deadline.
	 */
	public Answer ask(String from, String text) {
		if (this.server != null) {
			return askOverLongConnection(from, text);
		}
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

	private Answer askOverLongConnection(String from, String text) {
		String requestId = this.server.pushText(this.botId, from, text);
		List<JsonNode> replies = awaitReplies(requestId, "aibot_respond_msg",
				(reply) -> reply.path("stream").path("finish").asBoolean(false));
		JsonNode first = replies.get(0);
		if (!"stream".equals(first.path("msgtype").asString())) {
			throw new AssertionError("The bot did not answer with a stream: " + first);
		}
		String streamId = first.path("stream").path("id").asString();
		for (JsonNode reply : replies) {
			if (!streamId.equals(reply.path("stream").path("id").asString())) {
				throw new AssertionError("One answer came as more than one stream (" + streamId + " and "
						+ reply.path("stream").path("id").asString() + "); WeCom would show each as its own message");
			}
		}
		JsonNode last = replies.get(replies.size() - 1);
		return new Answer(last.path("stream").path("content").asString(), streamId, List.copyOf(replies));
	}

	/**
	 * The user enters the single chat with the bot for the first time today ({@code enter_chat}, doc 101027):
	 * the bot's welcome reply, or null when it sent none. In callback mode that is the decrypted passive reply;
	 * in long-connection mode the body of its {@code aibot_respond_welcome_msg} frame, waited for up to WeCom's
	 * 5 seconds.
	 */
	public JsonNode enterChat(String from) {
		if (this.server == null) {
			return send(event(from, "enter_chat", JSON.createObjectNode()));
		}
		String requestId = this.server.pushEnterChat(this.botId, from);
		Instant until = Instant.now().plusSeconds(5);
		while (Instant.now().isBefore(until)) {
			List<JsonNode> welcome = replies(requestId, "aibot_respond_welcome_msg");
			if (!welcome.isEmpty()) {
				return welcome.get(0);
			}
			sleep(this.pollInterval);
		}
		return null;
	}

	/** Waits until a reply of this command to this req_id matches {@code last}; every reply until then. */
	private List<JsonNode> awaitReplies(String requestId, String command, java.util.function.Predicate<JsonNode> last) {
		Instant until = Instant.now().plus(this.deadline);
		while (true) {
			List<JsonNode> replies = replies(requestId, command);
			for (int i = 0; i < replies.size(); i++) {
				if (last.test(replies.get(i))) {
					return List.copyOf(replies.subList(0, i + 1));
				}
			}
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("The bot's answer to " + requestId + " did not finish in " + this.deadline
						+ "; replies so far: " + replies);
			}
			sleep(this.pollInterval);
		}
	}

	/**
	 * The bodies of the frames of this command the bot sent for this req_id, in order; fails when the stand-in
	 * refused one of them (a refused frame never reaches the user).
	 */
	private List<JsonNode> replies(String requestId, String command) {
		List<JsonNode> replies = new ArrayList<>();
		for (WeComBotServerStandIn.Frame frame : this.server.frames((frame) -> requestId.equals(frame.requestId()))) {
			if (frame.inbound() && command.equals(frame.command())) {
				replies.add(frame.body());
			}
			else if (!frame.inbound() && frame.json().path("errcode").asInt(0) != 0) {
				throw new AssertionError("WeCom refused a reply to " + requestId + ": " + frame.json());
			}
		}
		return replies;
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
		WeComCrypto.Sealed sealed = callbackMode().seal(json);
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
		callbackMode();
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + sealed.callbackQuery()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/**
	 * Runs WeCom's URL verification (doc 101033) with this echo string sealed as the {@code echostr}; the raw
	 * response, whose body should be the echo string in plain text.
	 */
	public HttpResponse<String> verify(String echo) {
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + callbackMode().seal(echo).verificationQuery())).GET());
	}

	private WeComCrypto callbackMode() {
		if (this.crypto == null) {
			throw new IllegalStateException("This driver talks to the bot over its long connection, not its callback URL");
		}
		return this.crypto;
	}

	private WeComBotServerStandIn longConnection() {
		if (this.server == null) {
			throw new IllegalStateException("This driver talks to the bot's callback URL, not over a long connection");
		}
		return this.server;
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

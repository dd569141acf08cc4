package dev.wxwork.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

/**
 * Plays WeCom's side of a bot's callback URL in tests (docs 101033, 100719): seals JSON callbacks with
 * the empty receive id, POSTs {@code {"encrypt": ...}} over real HTTP, and opens the sealed JSON reply
 * as WeCom would, checking its signature and that it carries the callback's nonce.
 */
public final class WeComBotSender {

	private static final AtomicLong MSG_IDS = new AtomicLong(new SecureRandom().nextLong(1_000_000_000L) * 1000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	private final CallbackCrypto crypto;

	public WeComBotSender(String url, String token, String encodingAesKey) {
		this.url = url;
		this.crypto = new CallbackCrypto(token, encodingAesKey, "");
	}

	public CallbackCrypto crypto() {
		return this.crypto;
	}

	/** A fresh msgid. */
	public static String msgId() {
		return "msg" + MSG_IDS.incrementAndGet();
	}

	/** A text message from a user in a single chat, as WeCom sends it. */
	public static String text(String from, String content) {
		ObjectNode message = envelope(from, "text");
		message.putObject("text").put("content", content);
		return message.toString();
	}

	/** An event of the given type with its body. */
	public static String event(String from, String eventType, JsonNode body) {
		ObjectNode message = envelope(from, "event");
		message.put("create_time", Instant.now().getEpochSecond());
		ObjectNode event = message.putObject("event").put("eventtype", eventType);
		event.set(eventType, body);
		return message.toString();
	}

	/** A stream refresh poll for the stream id, with its own msgid. */
	public static String refresh(String from, String streamId) {
		ObjectNode message = envelope(from, "stream");
		message.putObject("stream").put("id", streamId);
		return message.toString();
	}

	public static ObjectNode envelope(String from, String msgType) {
		ObjectNode message = JSON.createObjectNode().put("msgid", msgId()).put("aibotid", "aibtest").put("chattype", "single");
		message.putObject("from").put("userid", from);
		message.put("response_url", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=test");
		return message.put("msgtype", msgType);
	}

	/** Seals the JSON callback as WeCom does and POSTs it; the raw response. */
	public HttpResponse<String> post(String json) {
		return post(this.crypto.seal(json));
	}

	public HttpResponse<String> post(SealedMessage sealed) {
		String body = JSON.createObjectNode().put("encrypt", sealed.encrypt()).toString();
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + sealed.callbackQuery()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), sealed.nonce());
	}

	/** Posts and opens the reply: the reply's JSON, or null for an empty 200; fails on anything else. */
	public JsonNode send(String json) {
		SealedMessage sealed = this.crypto.seal(json);
		HttpResponse<String> response = post(sealed);
		if (response.statusCode() != 200) {
			throw new AssertionError("WeCom would count this a failed callback: HTTP " + response.statusCode() + " "
					+ response.body());
		}
		return open(response.body(), sealed.nonce());
	}

	/** Opens a sealed JSON reply as WeCom does; null for an empty body. */
	public JsonNode open(String body, String expectedNonce) {
		if (body.isEmpty()) {
			return null;
		}
		JsonNode reply = JSON.readTree(body);
		String nonce = reply.get("nonce").asString();
		if (!nonce.equals(expectedNonce)) {
			throw new AssertionError("the reply carries nonce " + nonce + ", not the callback's " + expectedNonce);
		}
		String plain = this.crypto.openText(reply.get("msgsignature").asString(), reply.get("timestamp").asString(), nonce,
				reply.get("encrypt").asString());
		return JSON.readTree(plain);
	}

	/** Runs WeCom's URL verification with a sealed echo string. */
	public HttpResponse<String> verify(String echo) {
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + this.crypto.seal(echo).verificationQuery())).GET(),
				null);
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request, String nonce) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

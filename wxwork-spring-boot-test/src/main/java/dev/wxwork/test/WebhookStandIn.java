package dev.wxwork.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.wxwork.test.WeComStandIn.Part;
import dev.wxwork.test.WeComStandIn.RecordedRequest;

/**
 * A local stand-in of WeCom's group robot webhooks, behaving as {@code BOTS.md} describes (doc 91770):
 * the key is the only credential (93000 for an unknown one), at most 20 messages a minute per robot
 * (45009 beyond, counted over the last 60 seconds), content limits (40058), the image's MD5 checked
 * against its bytes, and {@code upload_media} taking one multipart part named {@code media} with a
 * file name, whose media id only the same robot may send. It records every request.
 */
public final class WebhookStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> TYPES = Set.of("text", "markdown", "markdown_v2", "image", "news", "file",
			"voice", "template_card");

	private final LoopbackServer server;

	private final Set<String> keys = ConcurrentHashMap.newKeySet();

	private final Map<String, Deque<Long>> sendTimes = new ConcurrentHashMap<>();

	private final Map<String, String> mediaOwners = new ConcurrentHashMap<>();

	private final WeComStandIn.History<RecordedRequest> requests = new WeComStandIn.History<>();

	private final WeComStandIn.History<JsonNode> posted = new WeComStandIn.History<>();

	private final AtomicInteger mediaCount = new AtomicInteger();

	private final Clock clock;

	public WebhookStandIn(String... keys) {
		this(Clock.systemUTC(), keys);
	}

	public WebhookStandIn(Clock clock, String... keys) {
		this(clock, true, keys);
	}

	private WebhookStandIn(Clock clock, boolean listen, String... keys) {
		this.clock = clock;
		this.keys.addAll(List.of(keys));
		this.server = listen ? LoopbackServer.start(8, 100, this::handle) : LoopbackServer.none();
	}

	/**
	 * A stand-in for these keys without an HTTP server of its own, for an application that serves it from
	 * its own web server (the sample app does): hand every request to {@link #handle}. {@link #baseUrl()}
	 * then fails.
	 */
	public static WebhookStandIn embedded(Clock clock, String... keys) {
		return new WebhookStandIn(clock, false, keys);
	}

	/** Accepts this key too, as when a robot is added to a group. */
	public WebhookStandIn addRobot(String key) {
		this.keys.add(key);
		return this;
	}

	/** Keeps only the newest {@code limit} recorded requests and posted messages (unlimited by default). */
	public WebhookStandIn historyLimit(int limit) {
		this.requests.limit(limit);
		this.posted.limit(limit);
		return this;
	}

	/** The base URL, to use as {@code wxwork.webhooks.<name>.url} with a key, or as the API base URL. */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/** A whole webhook address as a group's settings show it. */
	public String address(String key) {
		return baseUrl() + "/cgi-bin/webhook/send?key=" + key;
	}

	/** Removes a robot from its group: its key answers 93000 from now on. */
	public void removeRobot(String key) {
		this.keys.remove(key);
	}

	/** Every request received, oldest first. */
	public List<RecordedRequest> requests() {
		return this.requests.snapshot();
	}

	/** Every request to this path, oldest first. */
	public List<RecordedRequest> requests(String path) {
		return this.requests.snapshot().stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The messages that were accepted and posted, oldest first. */
	public List<JsonNode> posted() {
		return this.posted.snapshot();
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Answers one request as WeCom would, whatever carried it, and records it: its own HTTP server calls
	 * this, and so does an application serving an {@link #embedded} stand-in. The path is WeCom's, such as
	 * {@code /cgi-bin/webhook/send}, and the query its decoded parameters.
	 */
	public WeComStandIn.Answer handle(RecordedRequest request) {
		this.requests.add(request);
		return WeComStandIn.Answer.json(answer(request));
	}

	private String answer(RecordedRequest request) {
		if (!"POST".equals(request.method())) {
			return error(-1, "only POST");
		}
		String key = request.param("key");
		if (key == null || !this.keys.contains(key)) {
			return error(93000, "invalid webhook url");
		}
		return switch (request.path()) {
			case "/cgi-bin/webhook/send" -> send(key, request);
			case "/cgi-bin/webhook/upload_media" -> upload(key, request);
			default -> error(404, "not found");
		};
	}

	private String send(String key, RecordedRequest request) {
		JsonNode message;
		try {
			message = JSON.readTree(request.body());
		}
		catch (JacksonException ex) {
			return error(40001, "invalid json");
		}
		if (message == null || !message.isObject()) {
			return error(40001, "invalid json");
		}
		String type = message.path("msgtype").asString("");
		if (!TYPES.contains(type) || !message.path(type).isObject()) {
			return error(40008, "invalid message type");
		}
		JsonNode content = message.path(type);
		String refusal = switch (type) {
			case "text" -> tooLong(content, "text.content", 2048);
			case "markdown", "markdown_v2" -> tooLong(content, type + ".content", 4096);
			case "image" -> image(content);
			case "news" -> (content.path("articles").size() < 1 || content.path("articles").size() > 8)
					? error(40034, "invalid articles count") : null;
			case "file", "voice" -> key.equals(this.mediaOwners.get(content.path("media_id").asString("")))
					? null : error(40007, "invalid media_id");
			default -> content.path("card_type").asString("").isEmpty() ? error(42009, "invalid card_type") : null;
		};
		if (refusal != null) {
			return refusal;
		}
		// at most 20 messages in any 60 seconds per robot; refused ones do not count
		Deque<Long> times = this.sendTimes.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			long now = this.clock.millis();
			while (!times.isEmpty() && times.peekFirst() <= now - 60_000) {
				times.pollFirst();
			}
			if (times.size() >= 20) {
				return error(45009, "api freq out of limit");
			}
			times.addLast(now);
		}
		this.posted.add(message);
		return "{\"errcode\":0,\"errmsg\":\"ok\"}";
	}

	private static String tooLong(JsonNode content, String field, int max) {
		String text = content.path("content").asString("");
		if (text.isEmpty()) {
			return error(44004, "empty content");
		}
		return (text.getBytes(StandardCharsets.UTF_8).length > max)
				// as WeCom words it: "markdown.content exceed max length 4096. Invalid input invalid Request Parameter, hint: ..."
				? error(40058, field + " exceed max length " + max + ". Invalid input invalid Request Parameter") : null;
	}

	private static String image(JsonNode content) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(content.path("base64").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return error(40009, "invalid image base64");
		}
		if (bytes.length == 0 || bytes.length > 2 * 1024 * 1024) {
			return error(40009, "invalid image size");
		}
		return HexFormat.of().formatHex(md5(bytes)).equals(content.path("md5").asString(""))
				? null : error(40009, "image md5 mismatch");
	}

	private String upload(String key, RecordedRequest request) {
		String type = request.param("type");
		if (!"file".equals(type) && !"voice".equals(type)) {
			return error(40004, "invalid media type");
		}
		List<Part> parts;
		try {
			parts = request.parts();
		}
		catch (AssertionError ex) {
			return error(41000, "not multipart: " + ex.getMessage());
		}
		Part media = parts.stream().filter((part) -> "media".equals(part.name())).findFirst().orElse(null);
		if (media == null || media.filename() == null || media.filename().isEmpty()) {
			return error(41005, "media data missing");
		}
		long max = "voice".equals(type) ? 2L * 1024 * 1024 : 20L * 1024 * 1024;
		if (media.content().length <= 5 || media.content().length > max) {
			return error(40006, "invalid media size");
		}
		String mediaId = "media-" + type + "-" + this.mediaCount.incrementAndGet();
		this.mediaOwners.put(mediaId, key);
		return "{\"errcode\":0,\"errmsg\":\"ok\",\"type\":\"" + type + "\",\"media_id\":\"" + mediaId
				+ "\",\"created_at\":\"" + this.clock.instant().getEpochSecond() + "\"}";
	}

	private static byte[] md5(byte[] bytes) {
		try {
			return MessageDigest.getInstance("MD5").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// errmsg as WeCom writes it: "<text>, hint: [...], from ip: ..., more info at ...?e=<errcode>"
	private static String error(int errcode, String errmsg) {
		return ErrorCodes.json(errcode, errmsg);
	}

}

package dev.wxwork.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WeCom server in the test's process, on a random loopback port: point {@code wxwork.api-base-url}
 * at {@link #baseUrl()} (or let {@link AutoConfigureWeComStandIn} do it).
 * <p>
 * It behaves as WeCom's documentation describes: gettoken (doc 91039) checks corp id and secret (40013,
 * 40001), every other call checks its access token (41001 missing, 40014 unknown, 42001 expired), tokens
 * expire and can be expired or revoked early. It answers, out of the box, every message send
 * ({@code message/send}, doc 90236, and {@code appchat/send}, doc 90248), media upload (doc 90253,
 * {@code uploadimg} doc 90256), the contacts reads (user/get doc 90196, user/simplelist doc 90200,
 * user/list doc 90201, user/list_id doc 96067, department/list doc 90208) and the customer-contact reads
 * (externalcontact/list doc 92113, externalcontact/get doc 92114) from data the test arranges with
 * {@link #member}, {@link #department} and {@link #customer}; the answers have the fields and shape of
 * the documents' examples. It enforces what WeCom enforces where a user's bug would show: an
 * {@code agentid} that is not the token's app (40056), no receiver at all (82001) or none known (81013),
 * empty text (44004) or text over 2048 bytes (45002), and at most 30 app messages a minute to one member (beyond that WeCom drops
 * them silently: see {@link #droppedMessages()}).
 * <p>
 * Tests read what was sent, typed ({@link #sentMessages()}), inject errcodes ({@link #failNext},
 * {@link #failTimes}, {@link #failAlways}), add latency ({@link #latency}), or answer any path their own
 * way ({@link #respond}, {@link #route}). A path with no answer gets HTTP 404 and
 * {@code {"errcode":404404,"errmsg":"the stand-in has no answer for PATH"}}, so that a test cannot pass
 * by accident. Every request is recorded ({@link #requests()}).
 */
public final class WeComStandIn implements AutoCloseable {

	/** A request as the stand-in received it. */
	public record RecordedRequest(String method, String path, Map<String, String> query, String contentType,
			byte[] body) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String param(String name) {
			return this.query.get(name);
		}

		/** The parts of a {@code multipart/form-data} body; fails when the body is not one. */
		public List<Part> parts() {
			return Part.parse(this.contentType, this.body);
		}

		/** The multipart part of this name; fails when there is none. */
		public Part part(String name) {
			return parts().stream()
				.filter((part) -> name.equals(part.name()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No multipart part named " + name + " in " + parts()));
		}

	}

	/** A part of a {@code multipart/form-data} request body: its headers (names lower-cased) and content. */
	public record Part(Map<String, String> headers, byte[] content) {

		/** A header's value, or null. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		/** The {@code name} parameter of the part's Content-Disposition. */
		public String name() {
			return dispositionParameter("name");
		}

		/** The {@code filename} parameter of the part's Content-Disposition, or null. */
		public String filename() {
			return dispositionParameter("filename");
		}

		/** A parameter of the part's Content-Disposition (quotes removed), or null. */
		public String dispositionParameter(String parameter) {
			String disposition = header("Content-Disposition");
			if (disposition == null) {
				return null;
			}
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile(";\\s*" + java.util.regex.Pattern.quote(parameter) + "=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;]*)")
				.matcher(disposition);
			if (!matcher.find()) {
				return null;
			}
			return (matcher.group(2) != null) ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(1).trim();
		}

		@Override
		public String toString() {
			return "Part[" + this.headers + ", " + this.content.length + " bytes]";
		}

		static List<Part> parse(String contentType, byte[] body) {
			if (contentType == null || !contentType.startsWith("multipart/form-data")) {
				throw new AssertionError("Not a multipart request: Content-Type " + contentType);
			}
			java.util.regex.Matcher boundaryMatch = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?")
				.matcher(contentType);
			if (!boundaryMatch.find()) {
				throw new AssertionError("No boundary in " + contentType);
			}
			byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
			List<Part> parts = new java.util.ArrayList<>();
			int position = indexOf(body, delimiter, 0);
			while (position >= 0) {
				int afterDelimiter = position + delimiter.length;
				if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
					return parts;
				}
				int headersStart = afterDelimiter + 2;
				int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
				int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
					.getBytes(StandardCharsets.ISO_8859_1), headersEnd);
				if (headersEnd < 0 || next < 0) {
					throw new AssertionError("Malformed multipart body");
				}
				Map<String, String> headers = new LinkedHashMap<>();
				for (String line : new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8)
					.split("\r\n")) {
					int colon = line.indexOf(':');
					headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
							line.substring(colon + 1).trim());
				}
				parts.add(new Part(headers, java.util.Arrays.copyOfRange(body, headersEnd + 4, next)));
				position = next + 2;
			}
			throw new AssertionError("Multipart body without closing delimiter");
		}

		private static int indexOf(byte[] data, byte[] pattern, int from) {
			outer: for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

	/** An answer: status, content type and body. */
	public record Answer(int status, String contentType, byte[] body) {

		public static Answer json(String json) {
			return new Answer(200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
		}

	}

	static {
		// answer at once: without TCP_NODELAY the JDK server's header and body writes wait for the client's
		// delayed ACK, some 40 ms per request (read when the JDK's server first loads)
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32);

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();

	private final Map<String, Long> agentIds = new ConcurrentHashMap<>();

	private final Map<String, Integer> persistentFaults = new ConcurrentHashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private final StandInDirectory directory = new StandInDirectory();

	private final Queue<SentMessage> sentMessages = new ConcurrentLinkedQueue<>();

	private final Queue<SentMessage> droppedMessages = new ConcurrentLinkedQueue<>();

	private final Map<String, java.util.Deque<Instant>> messagesPerMember = new ConcurrentHashMap<>();

	private final Map<String, byte[]> media = new ConcurrentHashMap<>();

	private final Map<String, Function<RecordedRequest, Answer>> routes = new ConcurrentHashMap<>();

	private final Map<String, Queue<Integer>> faults = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger gettokenCalls = new AtomicInteger();

	private final Map<String, AtomicInteger> tokenCallsBySecret = new ConcurrentHashMap<>();

	private volatile Duration tokenLifetime = Duration.ofSeconds(7200);

	private volatile boolean recording = true;

	private final Map<String, Queue<Integer>> faultsAfterDelivery = new ConcurrentHashMap<>();

	private final Map<String, Queue<RecordedRequest>> deliveries = new ConcurrentHashMap<>();

	// what each send path delivered, by content and receivers, for WeCom's enable_duplicate_check
	private final Map<String, Instant> deliveredSends = new ConcurrentHashMap<>();

	private final AtomicInteger msgids = new AtomicInteger();

	private volatile Duration gettokenLatency = Duration.ZERO;

	private volatile Integer gettokenError;

	private final String corpId;

	public WeComStandIn(String corpId) {
		this.corpId = corpId;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		route("/cgi-bin/get_jsapi_ticket", (request) -> Answer.json(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"jsapi-" + UUID.randomUUID() + "\",\"expires_in\":7200}"));
		route("/cgi-bin/ticket/get", (request) -> Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\""
				+ request.param("type") + "-" + UUID.randomUUID() + "\",\"expires_in\":7200}"));
		route("/cgi-bin/message/send", this::messageSend);
		route("/cgi-bin/appchat/send", this::appchatSend);
		route("/cgi-bin/media/upload", this::mediaUpload);
		route("/cgi-bin/media/uploadimg", this::mediaUploadImage);
		this.directory.routes(this);
	}

	/** A stand-in for this corp id; accept secrets with {@link #secret} or {@link #app}. */
	public static WeComStandIn start(String corpId) {
		return new WeComStandIn(corpId);
	}

	/** The corp id gettoken accepts. */
	public String corpId() {
		return this.corpId;
	}

	/** Accepts this app's secret, whose tokens may send messages as this AgentId only (301002 otherwise). */
	public WeComStandIn app(String secret, long agentId) {
		this.secrets.put(secret, secret);
		this.agentIds.put(secret, agentId);
		return this;
	}

	/** Arranges a member (user/get, user/simplelist, user/list; a message receiver). */
	public WeComStandIn member(String userId, String name, long... departmentIds) {
		this.directory.member(userId, name, departmentIds);
		return this;
	}

	/** Arranges a department (department/list). */
	public WeComStandIn department(long id, String name, long parentId) {
		this.directory.department(id, name, parentId);
		return this;
	}

	/** Arranges a customer (externalcontact/get) followed by these members (externalcontact/list). */
	public WeComStandIn customer(String externalUserId, String name, String... followUserIds) {
		this.directory.customer(externalUserId, name, followUserIds);
		return this;
	}

	/** Every call to this path answers this errcode until {@link #clearFaults()}. */
	public WeComStandIn failAlways(String path, int errcode) {
		this.persistentFaults.put(path, errcode);
		return this;
	}

	/** The next {@code times} calls to this path answer this errcode, then the normal answer. */
	public WeComStandIn failTimes(String path, int errcode, int times) {
		Integer[] errcodes = new Integer[times];
		java.util.Arrays.fill(errcodes, errcode);
		return failNext(path, errcodes);
	}

	/** Forgets every injected fault. */
	public WeComStandIn clearFaults() {
		this.persistentFaults.clear();
		this.faults.clear();
		this.faultsAfterDelivery.clear();
		return this;
	}

	/** Answers calls to this path (gettoken included) only after this delay. */
	public WeComStandIn latency(String path, Duration latency) {
		this.latencies.put(path, latency);
		return this;
	}

	/** Answers every call only after this delay ({@link Duration#ZERO} to stop). */
	public WeComStandIn latency(Duration latency) {
		this.latencies.put("*", latency);
		return this;
	}

	/** Expires the tokens issued for this secret now (42001), as WeCom may. */
	public void expireTokens(String secret) {
		this.tokenSecrets.forEach((token, owner) -> {
			if (owner.equals(secret)) {
				this.tokens.computeIfPresent(token, (key, expiry) -> Instant.EPOCH);
			}
		});
	}

	/** Revokes the tokens issued for this secret (40014), as when WeCom invalidates them early. */
	public void revokeTokens(String secret) {
		this.tokenSecrets.forEach((token, owner) -> {
			if (owner.equals(secret)) {
				this.tokens.remove(token);
			}
		});
	}

	/** The messages WeCom accepted and delivered (message/send and appchat/send), oldest first. */
	public List<SentMessage> sentMessages() {
		return List.copyOf(this.sentMessages);
	}

	/** The delivered messages of this {@code msgtype} (text, markdown, textcard, template_card, ...). */
	public List<SentMessage> sentMessagesOfType(String msgType) {
		return this.sentMessages.stream().filter((message) -> message.msgType().equals(msgType)).toList();
	}

	/** The delivered app messages that reached this member. */
	public List<SentMessage> sentMessagesTo(String userId) {
		return this.sentMessages.stream().filter((message) -> message.toUsers().contains(userId)).toList();
	}

	/** Messages WeCom accepted but dropped: the 31st and later to one member within a minute (PROTOCOL.md). */
	public List<SentMessage> droppedMessages() {
		return List.copyOf(this.droppedMessages);
	}

	/** The bytes of uploaded media, by media id; fails for an unknown id. */
	public byte[] uploadedMedia(String mediaId) {
		byte[] content = this.media.get(mediaId);
		if (content == null) {
			throw new AssertionError("No media was uploaded as " + mediaId + "; uploaded: " + this.media.keySet());
		}
		return content;
	}

	private Answer messageSend(RecordedRequest request) {
		tools.jackson.databind.JsonNode body = readJson(request);
		String secret = this.tokenSecrets.get(request.param("access_token"));
		Long agentId = (secret != null) ? this.agentIds.get(secret) : null;
		long requested = body.path("agentid").asLong(-1);
		if (agentId != null && agentId != requested) {
			return error(40056, "invalid agentid: " + requested + " is not the app of this access_token (" + agentId + ")");
		}
		SentMessage message = SentMessage.of(request.path(), body, "msg-" + this.msgids.incrementAndGet());
		if (message.msgType().isEmpty()) {
			return error(40008, "invalid message type");
		}
		if (message.toUsers().isEmpty() && message.toParties().isEmpty() && message.toTags().isEmpty()) {
			return error(82001, "the recipients (touser, toparty, totag) are all empty");
		}
		Answer tooLong = checkLength(message);
		if (tooLong != null) {
			return tooLong;
		}
		List<String> invalid = message.toUsers()
			.stream()
			.filter((user) -> !"@all".equals(user) && !this.directory.knows(user))
			.toList();
		if (!invalid.isEmpty() && invalid.size() == message.toUsers().size() && message.toParties().isEmpty()
				&& message.toTags().isEmpty()) {
			return error(81013, "user & party & tag all invalid: " + String.join("|", invalid));
		}
		List<String> dropped = new java.util.ArrayList<>();
		Instant now = Instant.now();
		for (String user : message.toUsers()) {
			java.util.Deque<Instant> times = this.messagesPerMember.computeIfAbsent(user, (key) -> new java.util.ArrayDeque<>());
			synchronized (times) {
				while (!times.isEmpty() && times.peekFirst().isBefore(now.minusSeconds(60))) {
					times.pollFirst();
				}
				if (times.size() >= 30) {
					dropped.add(user);
				}
				else {
					times.addLast(now);
				}
			}
		}
		if (!dropped.isEmpty()) {
			this.droppedMessages.add(message.withUsers(dropped));
		}
		List<String> delivered = message.toUsers().stream().filter((user) -> !dropped.contains(user)).toList();
		if (!delivered.isEmpty() || !message.toParties().isEmpty() || !message.toTags().isEmpty()) {
			this.sentMessages.add(message.withUsers(delivered));
		}
		// doc 90236's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"" + String.join("|", invalid)
				+ "\",\"invalidparty\":\"\",\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"" + message.msgid()
				+ "\",\"response_code\":\"\"}");
	}

	private Answer appchatSend(RecordedRequest request) {
		SentMessage message = SentMessage.of(request.path(), readJson(request), "msg-" + this.msgids.incrementAndGet());
		if (message.chatId() == null || message.chatId().isEmpty()) {
			return error(86003, "chatid missing");
		}
		Answer tooLong = checkLength(message);
		if (tooLong != null) {
			return tooLong;
		}
		this.sentMessages.add(message);
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
	}

	private static Answer checkLength(SentMessage message) {
		if ("text".equals(message.msgType()) && message.body().path("text").path("content").asString("").isEmpty()) {
			return error(44004, "empty content");
		}
		if ("text".equals(message.msgType())
				&& message.body().path("text").path("content").asString("").getBytes(StandardCharsets.UTF_8).length > 2048) {
			return error(45002, "content size out of limit: text content is at most 2048 bytes");
		}
		if (("markdown".equals(message.msgType())) && message.body()
			.path("markdown")
			.path("content")
			.asString("")
			.getBytes(StandardCharsets.UTF_8).length > 2048) {
			return error(45002, "content size out of limit: markdown content is at most 2048 bytes");
		}
		return null;
	}

	private Answer mediaUpload(RecordedRequest request) {
		String type = request.param("type");
		if (!List.of("image", "voice", "video", "file").contains(type)) {
			return error(40005, "invalid media type " + type);
		}
		Part part = request.part("media");
		String mediaId = "media-" + UUID.randomUUID();
		this.media.put(mediaId, part.content());
		// doc 90253's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"\",\"type\":\"" + type + "\",\"media_id\":\"" + mediaId
				+ "\",\"created_at\":\"" + Instant.now().getEpochSecond() + "\"}");
	}

	private Answer mediaUploadImage(RecordedRequest request) {
		Part part = request.part("media");
		String id = UUID.randomUUID().toString();
		this.media.put(id, part.content());
		// doc 90256's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"\",\"url\":\"https://wework.qpic.cn/wwpic/" + id + "/0\"}");
	}

	private static tools.jackson.databind.JsonNode readJson(RecordedRequest request) {
		try {
			return tools.jackson.databind.json.JsonMapper.shared().readTree(request.bodyText());
		}
		catch (tools.jackson.core.JacksonException ex) {
			return tools.jackson.databind.json.JsonMapper.shared().createObjectNode();
		}
	}

	/** The base URL to configure as {@code wxwork.api-base-url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Accepts this secret in gettoken. */
	public WeComStandIn secret(String secret) {
		this.secrets.put(secret, secret);
		return this;
	}

	/** Forgets a secret, as when it is reset in the admin console: gettoken then answers 40001. */
	public WeComStandIn revokeSecret(String secret) {
		this.secrets.remove(secret);
		return this;
	}

	/** The lifetime ({@code expires_in}) of tokens issued from now on. */
	public WeComStandIn tokenLifetime(Duration lifetime) {
		this.tokenLifetime = lifetime;
		return this;
	}

	/** Makes gettoken slow, which widens the window for a stampede. */
	public WeComStandIn gettokenLatency(Duration latency) {
		this.gettokenLatency = latency;
		return this;
	}

	/**
	 * Makes every gettoken answer this errcode (such as 45009, rate-limited, or -1, busy) until it is
	 * called with null; the calls are still counted.
	 */
	public WeComStandIn gettokenError(Integer errcode) {
		this.gettokenError = errcode;
		return this;
	}

	/** Expires every issued token now, as WeCom may: calls with them answer 42001. */
	public void expireAllTokens() {
		this.tokens.replaceAll((token, expiry) -> Instant.EPOCH);
	}

	/** Forgets every issued token: calls with them answer 40014. */
	public void invalidateAllTokens() {
		this.tokens.clear();
		this.tokenSecrets.clear();
	}

	/** How many gettoken calls the stand-in answered (successful or not). */
	public int gettokenCalls() {
		return this.gettokenCalls.get();
	}

	/** How many gettoken calls were made with this secret. */
	public int gettokenCalls(String secret) {
		AtomicInteger calls = this.tokenCallsBySecret.get(secret);
		return (calls != null) ? calls.get() : 0;
	}

	/** Answers calls to this path with this JSON. */
	public WeComStandIn respond(String path, String json) {
		return route(path, (request) -> Answer.json(json));
	}

	/** Answers calls to this path with what the function returns. */
	public WeComStandIn route(String path, Function<RecordedRequest, Answer> answer) {
		this.routes.put(path, answer);
		return this;
	}

	/** Adds this header to every answer of this path, errors included (such as a download's Content-Disposition). */
	public WeComStandIn responseHeader(String path, String name, String value) {
		this.responseHeaders.computeIfAbsent(path, (key) -> new ConcurrentHashMap<>()).put(name, value);
		return this;
	}

	/** The next calls to this path answer these errcodes, one call each, before the normal answer. */
	public WeComStandIn failNext(String path, Integer... errcodes) {
		this.faults.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).addAll(List.of(errcodes));
		return this;
	}

	/**
	 * Answers this message-send path as WeCom does: the message is delivered (see {@link #deliveries})
	 * and the answer carries a {@code msgid}. With {@code enable_duplicate_check: 1}, a message of the same
	 * content to the same receivers as one delivered within {@code duplicate_check_interval} seconds
	 * (WeCom's default 1800) is dropped: answered with success, not delivered again.
	 */
	public WeComStandIn acceptSends(String path) {
		return route(path, (request) -> {
			tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.shared()
				.readTree(request.bodyText());
			if (body.path("enable_duplicate_check").asInt(0) == 1) {
				tools.jackson.databind.node.ObjectNode content = ((tools.jackson.databind.node.ObjectNode) body).deepCopy();
				content.remove("enable_duplicate_check");
				content.remove("duplicate_check_interval");
				long interval = body.path("duplicate_check_interval").asLong(1800);
				String key = path + " " + content;
				Instant now = Instant.now();
				Instant earlier = this.deliveredSends.get(key);
				if (earlier != null && earlier.plusSeconds(interval).isAfter(now)) {
					return sent();
				}
				this.deliveredSends.put(key, now);
			}
			this.deliveries.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).add(request);
			return sent();
		});
	}

	private Answer sent() {
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\","
				+ "\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"msg-" + this.msgids.incrementAndGet() + "\"}");
	}

	/** The messages a path set up with {@link #acceptSends} delivered, oldest first. */
	public List<RecordedRequest> deliveries(String path) {
		Queue<RecordedRequest> delivered = this.deliveries.get(path);
		return (delivered != null) ? List.copyOf(delivered) : List.of();
	}

	/**
	 * The next calls to this path are carried out (their route runs, a send is delivered) and then
	 * answered with these errcodes, one call each: WeCom answering -1 after it had accepted the request.
	 */
	public WeComStandIn failNextAfterDelivery(String path, Integer... errcodes) {
		this.faultsAfterDelivery.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).addAll(List.of(errcodes));
		return this;
	}

	/** Whether requests are kept for {@link #requests()}; benchmarks turn it off. */
	public WeComStandIn recording(boolean recording) {
		this.recording = recording;
		return this;
	}

	/** Every request received so far, oldest first. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** Every request to this path so far, oldest first. */
	public List<RecordedRequest> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The latest request to this path; fails when there was none. */
	public RecordedRequest lastRequest(String path) {
		List<RecordedRequest> matching = requests(path);
		if (matching.isEmpty()) {
			throw new AssertionError("The stand-in received no request to " + path + "; it received "
					+ this.requests.stream().map(RecordedRequest::path).toList());
		}
		return matching.get(matching.size() - 1);
	}

	/** Forgets the recorded requests. */
	public void clearRequests() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestBody().readAllBytes());
			if (this.recording) {
				this.requests.add(request);
			}
			delay(request.path());
			Answer answer = answer(request);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			this.responseHeaders.getOrDefault(request.path(), Map.of())
				.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(answer.status(), answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	private Answer answer(RecordedRequest request) {
		if (request.path().equals("/cgi-bin/gettoken")) {
			return gettoken(request);
		}
		String token = request.param("access_token");
		if (token == null || token.isEmpty()) {
			return error(41001, "access_token missing");
		}
		Instant expiry = this.tokens.get(token);
		if (expiry == null) {
			return error(40014, "invalid access_token");
		}
		if (!Instant.now().isBefore(expiry)) {
			return error(42001, "access_token expired");
		}
		Integer always = this.persistentFaults.get(request.path());
		if (always != null) {
			return error(always, "injected fault " + always);
		}
		Queue<Integer> queued = this.faults.get(request.path());
		Integer fault = (queued != null) ? queued.poll() : null;
		if (fault != null) {
			return error(fault, "injected fault " + fault);
		}
		Function<RecordedRequest, Answer> route = this.routes.get(request.path());
		if (route == null) {
			return new Answer(404, "application/json; charset=UTF-8",
					("{\"errcode\":404404,\"errmsg\":\"the stand-in has no answer for " + request.path() + "\"}")
						.getBytes(StandardCharsets.UTF_8));
		}
		Answer answer = route.apply(request);
		Queue<Integer> afterDelivery = this.faultsAfterDelivery.get(request.path());
		Integer late = (afterDelivery != null) ? afterDelivery.poll() : null;
		return (late != null) ? error(late, "injected fault " + late + " after delivery") : answer;
	}

	private void delay(String path) {
		Duration latency = this.latencies.getOrDefault(path, this.latencies.getOrDefault("*", Duration.ZERO));
		if (!latency.isZero()) {
			try {
				Thread.sleep(latency.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private Answer gettoken(RecordedRequest request) {
		this.gettokenCalls.incrementAndGet();
		String secret = request.param("corpsecret");
		if (secret != null) {
			this.tokenCallsBySecret.computeIfAbsent(secret, (key) -> new AtomicInteger()).incrementAndGet();
		}
		if (!this.gettokenLatency.isZero()) {
			try {
				Thread.sleep(this.gettokenLatency.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Integer always = this.persistentFaults.get(request.path());
		if (always != null) {
			return error(always, "injected fault " + always);
		}
		Queue<Integer> queued = this.faults.get(request.path());
		Integer fault = (queued != null) ? queued.poll() : null;
		if (fault != null) {
			return error(fault, "injected fault " + fault);
		}
		Integer scripted = this.gettokenError;
		if (scripted != null) {
			return error(scripted, "scripted gettoken error " + scripted);
		}
		if (!this.corpId.equals(request.param("corpid"))) {
			return error(40013, "invalid corpid");
		}
		if (secret == null || !this.secrets.containsKey(secret)) {
			return error(40001, "invalid credential");
		}
		String token = "token-" + UUID.randomUUID() + UUID.randomUUID();
		Duration lifetime = this.tokenLifetime;
		this.tokens.put(token, Instant.now().plus(lifetime));
		this.tokenSecrets.put(token, secret);
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":"
				+ lifetime.toSeconds() + "}");
	}

	static Answer error(int errcode, String errmsg) {
		return Answer.json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
	}

	static Map<String, String> query(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Map.of();
		}
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			params.put(name, value);
		}
		return Collections.unmodifiableMap(params);
	}

}

package dev.wxwork.test;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;


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
 * {@code agentid} of another app than the token's (301002) or of no app (40056), a body that is no JSON
 * object (47001), no receiver at all (82001) or none known (81013, else the unknown ones in
 * {@code invaliduser}, {@code invalidparty}, {@code invalidtag}), empty text (44004) or text over 2048
 * bytes (45002), and at most 30 app messages a minute to one member (beyond that WeCom drops them
 * silently: see {@link #droppedMessages()}). Errors read as WeCom's do (doc 90313, and the errcodes'
 * pages): {@code {"errcode":42001,"errmsg":"access_token expired, hint: [...], from ip: 127.0.0.1, more
 * info at https://open.work.weixin.qq.com/devtool/query?e=42001"}}, with WeCom's own text for the code,
 * injected faults included; 84061 comes with the empty list WeCom adds ({@code external_userid},
 * {@code follow_user}).
 * <p>
 * It runs on its own HTTP server, or {@link #embedded} in an application's (the sample app serves it
 * under {@code /simulator}, through {@link #handle}), where {@link #historyLimit}, {@link #onMessage},
 * {@link #closedDirectory} and the counters ({@link #gettokenCalls()}, {@link #tokensIssued()},
 * {@link #messagesAccepted()}) suit a stand-in that runs for long.
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

	/**
	 * An answer: status, content type, body, and any further response headers.
	 *
	 * @param status the HTTP status
	 * @param contentType the Content-Type
	 * @param body the body
	 * @param headers further response headers (such as a download's Content-Disposition)
	 */
	public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

		public Answer {
			headers = Map.copyOf(headers);
		}

		/** An answer without further headers. */
		public Answer(int status, String contentType, byte[] body) {
			this(status, contentType, body, Map.of());
		}

		public static Answer json(String json) {
			return new Answer(200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
		}

		/** The body as text. */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		Answer withHeaders(Map<String, String> extra) {
			if (extra.isEmpty()) {
				return this;
			}
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.putAll(extra);
			return new Answer(this.status, this.contentType, this.body, all);
		}

	}

	static {
		// answer at once: without TCP_NODELAY the JDK server's header and body writes wait for the client's
		// delayed ACK, some 40 ms per request (read when the JDK's server first loads)
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final LoopbackServer server;

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();

	private final Map<String, Long> agentIds = new ConcurrentHashMap<>();

	private final Map<String, Integer> persistentFaults = new ConcurrentHashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private final StandInDirectory directory = new StandInDirectory();

	private final History<SentMessage> sentMessages = new History<>();

	private final History<SentMessage> droppedMessages = new History<>();

	private final java.util.List<java.util.function.Consumer<SentMessage>> messageListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private final AtomicInteger messagesAccepted = new AtomicInteger();

	private final Map<String, java.util.Deque<Instant>> messagesPerMember = new ConcurrentHashMap<>();

	private final Map<String, byte[]> media = new ConcurrentHashMap<>();

	private final Map<String, Function<RecordedRequest, Answer>> routes = new ConcurrentHashMap<>();

	private final Map<String, Queue<Integer>> faults = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();

	private final History<RecordedRequest> requests = new History<>();

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

	/** A stand-in for this corp id, listening on a random loopback port. */
	public WeComStandIn(String corpId) {
		this(corpId, true);
	}

	private WeComStandIn(String corpId, boolean listen) {
		this.corpId = corpId;
		this.server = listen ? LoopbackServer.start(32, 200, this::handle) : LoopbackServer.none();
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

	/**
	 * A stand-in for this corp id without an HTTP server of its own, for an application that serves it
	 * from its own web server (the sample app does, under {@code /simulator}): hand every request to
	 * {@link #handle} and write the {@link Answer} back. {@link #baseUrl()} then fails.
	 */
	public static WeComStandIn embedded(String corpId) {
		return new WeComStandIn(corpId, false);
	}

	/** The corp id gettoken accepts. */
	public String corpId() {
		return this.corpId;
	}

	/**
	 * Accepts this app's secret, whose tokens may send messages as this AgentId only: another app's
	 * AgentId answers 301002, an AgentId no app has 40056.
	 */
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

	/** Arranges a tag (a message's {@code totag}). */
	public WeComStandIn tag(long id, String name) {
		this.directory.tag(id, name);
		return this;
	}

	/**
	 * Makes the directory hold exactly what the test arranged. By default, while no member (department,
	 * tag) is arranged, messages may go to any; once closed, a receiver that was not arranged is invalid
	 * ({@code invaliduser}, {@code invalidparty}, {@code invalidtag}; 81013 when none is valid).
	 */
	public WeComStandIn closedDirectory() {
		this.directory.close();
		return this;
	}

	/**
	 * Keeps only the newest {@code limit} recorded requests, delivered and dropped messages, for a
	 * stand-in that runs for long (unlimited by default).
	 */
	public WeComStandIn historyLimit(int limit) {
		this.requests.limit(limit);
		this.sentMessages.limit(limit);
		this.droppedMessages.limit(limit);
		return this;
	}

	/**
	 * Calls this listener with every message delivered (message/send and appchat/send), on the thread
	 * that answers the send, right after {@link #sentMessages()} has it.
	 */
	public WeComStandIn onMessage(java.util.function.Consumer<SentMessage> listener) {
		this.messageListeners.add(listener);
		return this;
	}

	/** How many access tokens gettoken issued. */
	public int tokensIssued() {
		return this.tokensIssued.get();
	}

	/** How many messages message/send accepted (answered errcode 0), delivered or dropped. */
	public int messagesAccepted() {
		return this.messagesAccepted.get();
	}

	/** Arranges a department (department/list; a message's {@code toparty}). */
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
		return this.sentMessages.snapshot();
	}

	/** The delivered messages of this {@code msgtype} (text, markdown, textcard, template_card, ...). */
	public List<SentMessage> sentMessagesOfType(String msgType) {
		return this.sentMessages.snapshot().stream().filter((message) -> message.msgType().equals(msgType)).toList();
	}

	/** The delivered app messages that reached this member. */
	public List<SentMessage> sentMessagesTo(String userId) {
		return this.sentMessages.snapshot().stream().filter((message) -> message.toUsers().contains(userId)).toList();
	}

	/** Messages WeCom accepted but dropped: the 31st and later to one member within a minute (PROTOCOL.md). */
	public List<SentMessage> droppedMessages() {
		return this.droppedMessages.snapshot();
	}

	/** The bytes of uploaded media, by media id; fails for an unknown id. */
	public byte[] uploadedMedia(String mediaId) {
		byte[] content = this.media.get(mediaId);
		if (content == null) {
			throw new AssertionError("No media was uploaded as " + mediaId + "; uploaded: " + this.media.keySet());
		}
		return content;
	}

	// doc 90236; errcodes as WeCom answers them (doc 90313)
	private Answer messageSend(RecordedRequest request) {
		tools.jackson.databind.JsonNode body = readJson(request);
		if (body == null) {
			return error(47001, "data format error");
		}
		String secret = this.tokenSecrets.get(request.param("access_token"));
		Long agentId = (secret != null) ? this.agentIds.get(secret) : null;
		long requested = body.path("agentid").asLong(-1);
		if (agentId != null && agentId != requested) {
			// WeCom: 301002 "not allow operate another agent with this accesstoken." for another app of
			// the corp, 40056 "invalid agentid" for an AgentId no app has
			return this.agentIds.containsValue(requested) ? error(301002, "not allow operate another agent with this accesstoken.")
					: error(40056, "invalid agentid");
		}
		SentMessage message = SentMessage.of(request.path(), body, "msg-" + this.msgids.incrementAndGet());
		if (message.msgType().isEmpty()) {
			return error(40008, "invalid message type");
		}
		if (message.toUsers().isEmpty() && message.toParties().isEmpty() && message.toTags().isEmpty()) {
			return error(82001, "All touser & toparty & totag invalid");
		}
		Answer tooLong = checkLength(message);
		if (tooLong != null) {
			return tooLong;
		}
		List<String> invalid = message.toUsers()
			.stream()
			.filter((user) -> !"@all".equals(user) && !this.directory.knows(user))
			.toList();
		List<String> invalidParties = message.toParties().stream().filter((party) -> !this.directory.knowsParty(party)).toList();
		List<String> invalidTags = message.toTags().stream().filter((tag) -> !this.directory.knowsTag(tag)).toList();
		List<String> validUsers = message.toUsers().stream().filter((user) -> !invalid.contains(user)).toList();
		List<String> validParties = message.toParties().stream().filter((party) -> !invalidParties.contains(party)).toList();
		List<String> validTags = message.toTags().stream().filter((tag) -> !invalidTags.contains(tag)).toList();
		if (validUsers.isEmpty() && validParties.isEmpty() && validTags.isEmpty()) {
			return error(81013, "user & party & tag all invalid");
		}
		List<String> dropped = new java.util.ArrayList<>();
		Instant now = Instant.now();
		for (String user : validUsers) {
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
		this.messagesAccepted.incrementAndGet();
		if (!dropped.isEmpty()) {
			this.droppedMessages.add(message.withReceivers(dropped, List.of(), List.of()));
		}
		List<String> delivered = validUsers.stream().filter((user) -> !dropped.contains(user)).toList();
		if (!delivered.isEmpty() || !validParties.isEmpty() || !validTags.isEmpty()) {
			delivered(message.withReceivers(delivered, validParties, validTags));
		}
		// doc 90236's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"" + String.join("|", invalid)
				+ "\",\"invalidparty\":\"" + String.join("|", invalidParties) + "\",\"invalidtag\":\""
				+ String.join("|", invalidTags) + "\",\"unlicenseduser\":\"\",\"msgid\":\"" + message.msgid()
				+ "\",\"response_code\":\"\"}");
	}

	private void delivered(SentMessage message) {
		this.sentMessages.add(message);
		this.messageListeners.forEach((listener) -> listener.accept(message));
	}

	private Answer appchatSend(RecordedRequest request) {
		tools.jackson.databind.JsonNode body = readJson(request);
		if (body == null) {
			return error(47001, "data format error");
		}
		SentMessage message = SentMessage.of(request.path(), body, "msg-" + this.msgids.incrementAndGet());
		if (message.chatId() == null || message.chatId().isEmpty()) {
			return error(86003, "chatid missing");
		}
		Answer tooLong = checkLength(message);
		if (tooLong != null) {
			return tooLong;
		}
		delivered(message);
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
	}

	private static Answer checkLength(SentMessage message) {
		if ("text".equals(message.msgType()) && message.body().path("text").path("content").asString("").isEmpty()) {
			return error(44004, "empty content");
		}
		if ("text".equals(message.msgType())
				&& message.body().path("text").path("content").asString("").getBytes(StandardCharsets.UTF_8).length > 2048) {
			return error(45002, "content size out of limit");
		}
		if (("markdown".equals(message.msgType())) && message.body()
			.path("markdown")
			.path("content")
			.asString("")
			.getBytes(StandardCharsets.UTF_8).length > 2048) {
			return error(45002, "content size out of limit");
		}
		return null;
	}

	private Answer mediaUpload(RecordedRequest request) {
		String type = request.param("type");
		if (!List.of("image", "voice", "video", "file").contains(type)) {
			return error(40005, "invalid file type");
		}
		Part part = mediaPart(request);
		if (part == null) {
			return error(41005, "media data missing");
		}
		String mediaId = "media-" + UUID.randomUUID();
		this.media.put(mediaId, part.content());
		// doc 90253's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"\",\"type\":\"" + type + "\",\"media_id\":\"" + mediaId
				+ "\",\"created_at\":\"" + Instant.now().getEpochSecond() + "\"}");
	}

	private Answer mediaUploadImage(RecordedRequest request) {
		Part part = mediaPart(request);
		if (part == null) {
			return error(41005, "media data missing");
		}
		String id = UUID.randomUUID().toString();
		this.media.put(id, part.content());
		// doc 90256's example answer
		return Answer.json("{\"errcode\":0,\"errmsg\":\"\",\"url\":\"https://wework.qpic.cn/wwpic/" + id + "/0\"}");
	}

	/** The multipart part {@code media}, or null when the body is no multipart body or has none (WeCom: 41005). */
	private static Part mediaPart(RecordedRequest request) {
		try {
			return request.parts().stream().filter((part) -> "media".equals(part.name())).findFirst().orElse(null);
		}
		catch (AssertionError ex) {
			return null;
		}
	}

	/** The body as a JSON object, or null when it is none (WeCom: 47001 "data format error"). */
	private static tools.jackson.databind.JsonNode readJson(RecordedRequest request) {
		try {
			tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(request.bodyText());
			return (body != null && body.isObject()) ? body : null;
		}
		catch (tools.jackson.core.JacksonException ex) {
			return null;
		}
	}

	/** The base URL to configure as {@code wxwork.api-base-url}; fails for an {@link #embedded} stand-in. */
	public String baseUrl() {
		return this.server.baseUrl();
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
		return this.requests.snapshot();
	}

	/** Every request to this path so far, oldest first. */
	public List<RecordedRequest> requests(String path) {
		return this.requests.snapshot().stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The latest request to this path; fails when there was none. */
	public RecordedRequest lastRequest(String path) {
		List<RecordedRequest> matching = requests(path);
		if (matching.isEmpty()) {
			throw new AssertionError("The stand-in received no request to " + path + "; it received "
					+ requests().stream().map(RecordedRequest::path).toList());
		}
		return matching.get(matching.size() - 1);
	}

	/** Forgets the recorded requests. */
	public void clearRequests() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Answers one request as WeCom would, whatever carried it: records it, waits out the
	 * {@link #latency}, and answers (headers of {@link #responseHeader} included). Its own HTTP server
	 * calls this; an application serving an {@link #embedded} stand-in does too. The path is WeCom's,
	 * such as {@code /cgi-bin/gettoken}, and the query its decoded parameters ({@link #query}).
	 */
	public Answer handle(RecordedRequest request) {
		if (this.recording) {
			this.requests.add(request);
		}
		delay(request.path());
		return answer(request).withHeaders(this.responseHeaders.getOrDefault(request.path(), Map.of()));
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
			return error(always);
		}
		Queue<Integer> queued = this.faults.get(request.path());
		Integer fault = (queued != null) ? queued.poll() : null;
		if (fault != null) {
			return error(fault);
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
		return (late != null) ? error(late) : answer;
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
			return error(always);
		}
		Queue<Integer> queued = this.faults.get(request.path());
		Integer fault = (queued != null) ? queued.poll() : null;
		if (fault != null) {
			return error(fault);
		}
		Integer scripted = this.gettokenError;
		if (scripted != null) {
			return error(scripted);
		}
		if (!this.corpId.equals(request.param("corpid"))) {
			return error(40013, "invalid corpid");
		}
		if (secret == null || !this.secrets.containsKey(secret)) {
			return error(40001, "invalid credential");
		}
		String token = "token-" + UUID.randomUUID() + UUID.randomUUID();
		Duration lifetime = this.tokenLifetime;
		if (this.tokens.size() >= 10_000) {
			// a stand-in that runs for long (served from an app) forgets expired tokens, as they answer 42001 only
			// while the application would still use them, long after it fetched new ones
			Instant now = Instant.now();
			this.tokens.entrySet().removeIf((entry) -> entry.getValue().isBefore(now.minus(Duration.ofDays(1))));
		}
		this.tokens.put(token, Instant.now().plus(lifetime));
		this.tokenSecrets.put(token, secret);
		this.tokensIssued.incrementAndGet();
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":"
				+ lifetime.toSeconds() + "}");
	}

	/**
	 * An error as WeCom writes it: {@code errmsg} is its text for the code, then a hint, the caller's IP
	 * and a link to the errcode's page, as in {@code "access_token expired, hint: [1576065934_28_e0fae0...],
	 * from ip: 9.30.0.138, more info at https://open.work.weixin.qq.com/devtool/query?e=42001"}.
	 */
	static Answer error(int errcode, String errmsg) {
		return Answer.json(ErrorCodes.json(errcode, errmsg));
	}

	/** An error with WeCom's own text for this errcode (an injected fault). */
	static Answer error(int errcode) {
		return error(errcode, ErrorCodes.text(errcode));
	}

	/** The parameters of a raw (URL-encoded) query string, decoded, for a {@link RecordedRequest}. */
	public static Map<String, String> query(String rawQuery) {
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

	/** An append-only record, optionally keeping only its newest entries. */
	static final class History<T> {

		private final Queue<T> entries = new ConcurrentLinkedQueue<>();

		private final AtomicInteger size = new AtomicInteger();

		private volatile int limit = Integer.MAX_VALUE;

		void limit(int limit) {
			if (limit < 1) {
				throw new IllegalArgumentException("The history limit must be at least 1");
			}
			this.limit = limit;
			trim();
		}

		void add(T entry) {
			this.entries.add(entry);
			this.size.incrementAndGet();
			trim();
		}

		private void trim() {
			while (this.size.get() > this.limit && this.entries.poll() != null) {
				this.size.decrementAndGet();
			}
		}

		List<T> snapshot() {
			return List.copyOf(this.entries);
		}

		void clear() {
			while (this.entries.poll() != null) {
				this.size.decrementAndGet();
			}
		}

	}

}

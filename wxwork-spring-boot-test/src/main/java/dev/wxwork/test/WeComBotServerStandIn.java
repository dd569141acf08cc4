package dev.wxwork.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;


/**
 * A strict local stand-in of WeCom's bot WebSocket server (doc 101463, as WeCom's Node SDK expects it),
 * on Tomcat's WebSocket implementation:
 * <ul>
 * <li>the first frame must be {@code aibot_subscribe} with a known bot_id and its secret; anything else
 * first closes the connection (1008); a wrong secret is answered with errcode 40014 and closed;</li>
 * <li>every frame is acked with its req_id echoed; replies ({@code aibot_respond_*}) to a req_id this
 * connection was never sent are refused with errcode {@link #UNKNOWN_REQ_ID};</li>
 * <li>a second subscription of a bot sends the first connection {@code disconnected_event}, then closes it;</li>
 * <li>pings are acked unless {@link #ignorePings} is set; {@link #drop} closes a bot's connection;</li>
 * <li>media uploads ({@code aibot_upload_media_init|chunk|finish}) are checked strictly: at most 100 chunks,
 * chunks of at most 512 KB numbered 1..total_chunks, an unknown upload_id refused, repeated chunks ignored,
 * and at finish every chunk present, the total size and the MD5 verified; {@link #uploadedMedia} holds the
 * reassembled content by media_id;</li>
 * <li>every frame in either direction is recorded.</li>
 * </ul>
 * A test starts one on a free loopback port and points the bot's {@code ws-url} at it, pushes a user's
 * message with {@link #pushText} (or drives the bot with {@link WeComBotDriver#connectedTo}) and reads the
 * bot's replies from {@link #frames()}:
 * <pre>{@code
 * WeComBotServerStandIn wecom = WeComBotServerStandIn.start().bot("aib-1", "bot-secret");
 * // --wxwork.bots.assistant.bot-id=aib-1 --wxwork.bots.assistant.secret=bot-secret --wxwork.bots.assistant.ws-url=<wecom.url()>
 * WeComBotDriver.Answer answer = WeComBotDriver.connectedTo(wecom, "aib-1").ask("zhangsan", "hello");
 * }</pre>
 * An application can also serve it itself: register {@link #endpointConfig(String)} with its own
 * jakarta.websocket {@link ServerContainer} (the sample app does, at {@code /simulator/bot-server}).
 * <p>
 * It runs on Tomcat's WebSocket implementation ({@code org.apache.tomcat.embed:tomcat-embed-websocket},
 * which every Spring MVC application on Tomcat has already); this module declares it optional, so an
 * application on another server adds it with test scope to use this class.
 */
public final class WeComBotServerStandIn implements AutoCloseable {

	/** The stand-in's errcode for a reply to a req_id it never sent. */
	public static final int UNKNOWN_REQ_ID = 846609;

	/** The errcode of a wrong bot id or secret. */
	public static final int INVALID_CREDENTIAL = 40014;

	/** The stand-in's errcode for an upload_id it never issued (or already finished). */
	public static final int UNKNOWN_UPLOAD_ID = 846610;

	/** The stand-in's errcode for an upload whose size, chunks or MD5 do not match its init. */
	public static final int UPLOAD_MISMATCH = 846611;

	private static final int MAX_CHUNK_SIZE = 512 * 1024;

	private static final int MAX_CHUNKS = 100;

	private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

	private final Map<String, Media> media = new ConcurrentHashMap<>();

	private final AtomicInteger uploadCount = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, Conn> subscribed = new ConcurrentHashMap<>();

	private final Set<Conn> open = ConcurrentHashMap.newKeySet();

	private final WeComStandIn.History<Frame> frames = new WeComStandIn.History<>();

	private final List<Instant> subscribeAttempts = new CopyOnWriteArrayList<>();

	private final Set<String> chats = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connectionCount = new AtomicInteger();

	private final AtomicInteger callbackCount = new AtomicInteger();

	private volatile boolean ignorePings;

	private volatile boolean corruptChunks;

	// its own Tomcat, when started with start(); null when served by the application's container
	private volatile Tomcat tomcat;

	private volatile Path baseDir;

	private volatile int port;

	private WeComBotServerStandIn() {
	}

	/** Starts a stand-in on a free loopback port, on an embedded Tomcat of its own. */
	public static WeComBotServerStandIn start() {
		WeComBotServerStandIn standIn = new WeComBotServerStandIn();
		try {
			standIn.startTomcat();
		}
		catch (Exception ex) {
			standIn.close();
			throw new IllegalStateException("Cannot start the WeCom bot server stand-in", ex);
		}
		return standIn;
	}

	/**
	 * A stand-in that listens nowhere yet: register {@link #endpointConfig(String)} with a
	 * {@link ServerContainer} of your own, such as the one of an application's embedded Tomcat.
	 */
	public static WeComBotServerStandIn unstarted() {
		return new WeComBotServerStandIn();
	}

	/**
	 * The stand-in's WebSocket endpoint at this path, for any JSR 356 (jakarta.websocket) container; every
	 * connection to it is a new connection of this stand-in.
	 */
	public ServerEndpointConfig endpointConfig(String path) {
		return ServerEndpointConfig.Builder.create(Conn.class, path).configurator(new ServerEndpointConfig.Configurator() {
			@Override
			@SuppressWarnings("unchecked")
			public <T> T getEndpointInstance(Class<T> endpointClass) {
				return (T) new Conn(WeComBotServerStandIn.this.connectionCount.incrementAndGet());
			}
		}).build();
	}

	private void startTomcat() throws Exception {
		this.baseDir = Files.createTempDirectory("wecom-bot-ws");
		Tomcat tomcat = new Tomcat();
		this.tomcat = tomcat;
		tomcat.setBaseDir(this.baseDir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", this.baseDir.toString());
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(endpointConfig("/"));
			}
			catch (jakarta.websocket.DeploymentException ex) {
				throw new jakarta.servlet.ServletException(ex);
			}
		}, null);
		// the WebSocket upgrade filter only runs for a mapped request
		Tomcat.addServlet(context, "none", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "none");
		tomcat.start();
		this.port = connector.getLocalPort();
	}

	/** The address to configure as {@code ws-url}, for a stand-in {@link #start() started} on its own port. */
	public String url() {
		if (this.tomcat == null) {
			throw new IllegalStateException("This stand-in was not started on a port of its own; it is served at the "
					+ "path its endpointConfig was registered with");
		}
		return "ws://127.0.0.1:" + this.port + "/";
	}

	/** Makes a bot known with its secret. */
	public WeComBotServerStandIn bot(String botId, String secret) {
		this.secrets.put(botId, secret);
		return this;
	}

	/** Whether pings go unanswered (a connection that is silently dead). */
	public void ignorePings(boolean ignore) {
		this.ignorePings = ignore;
	}

	/** Every frame recorded so far (the newest {@link #historyLimit} ones), in order. */
	public List<Frame> frames() {
		return this.frames.snapshot();
	}

	/** The recorded frames that match. */
	public List<Frame> frames(Predicate<Frame> filter) {
		return this.frames.snapshot().stream().filter(filter).toList();
	}

	/**
	 * Keeps only the newest {@code limit} frames (pings included), for a stand-in that runs for long, such as
	 * a sample app's simulator; unlimited by default.
	 */
	public WeComBotServerStandIn historyLimit(int limit) {
		this.frames.limit(limit);
		return this;
	}

	/** When each subscribe frame arrived. */
	public List<Instant> subscribeAttempts() {
		return List.copyOf(this.subscribeAttempts);
	}

	/** How many WebSocket connections were opened. */
	public int connections() {
		return this.connectionCount.get();
	}

	/** Whether the bot has a subscribed connection. */
	public boolean isSubscribed(String botId) {
		Conn conn = this.subscribed.get(botId);
		return conn != null && conn.session.isOpen();
	}

	/** The connection number (1, 2, ...) subscribed for a bot, or 0. */
	public int subscribedConnection(String botId) {
		Conn conn = this.subscribed.get(botId);
		return (conn != null && conn.session.isOpen()) ? conn.number : 0;
	}

	/** Pushes a text message to the bot's connection; returns the callback's req_id. */
	public String pushText(String botId, String userId, String content) {
		this.chats.add(botId + "/" + userId);
		ObjectNode body = envelope(botId, userId).put("msgtype", "text");
		body.putObject("text").put("content", content);
		return push(botId, "aibot_msg_callback", body);
	}

	/** Pushes an enter_chat event; returns the callback's req_id. */
	public String pushEnterChat(String botId, String userId) {
		return pushEvent(botId, userId, "enter_chat", JSON.createObjectNode());
	}

	/** Pushes an event of the given type; returns the callback's req_id. */
	public String pushEvent(String botId, String userId, String eventType, JsonNode details) {
		ObjectNode body = envelope(botId, userId).put("msgtype", "event");
		body.putObject("event").put("eventtype", eventType).set(eventType, details);
		return push(botId, "aibot_event_callback", body);
	}

	private ObjectNode envelope(String botId, String userId) {
		ObjectNode body = JSON.createObjectNode()
			.put("msgid", "msg-" + this.callbackCount.incrementAndGet())
			.put("aibotid", botId)
			.put("chattype", "single");
		body.putObject("from").put("userid", userId);
		return body;
	}

	private String push(String botId, String command, ObjectNode body) {
		Conn conn = this.subscribed.get(botId);
		if (conn == null || !conn.session.isOpen()) {
			throw new IllegalStateException("bot " + botId + " has no subscribed connection");
		}
		String requestId = command + "_" + this.callbackCount.incrementAndGet();
		conn.issued.add(requestId);
		ObjectNode frame = JSON.createObjectNode().put("cmd", command);
		frame.putObject("headers").put("req_id", requestId);
		frame.set("body", body);
		conn.sendFrame(frame);
		return requestId;
	}

	/** Whether each uploaded chunk is stored with its first byte flipped (a corruption in transit). */
	public void corruptChunks(boolean corrupt) {
		this.corruptChunks = corrupt;
	}

	/** The media uploaded so far, by media_id. */
	public Map<String, Media> uploadedMedia() {
		return Map.copyOf(this.media);
	}

	/** One finished upload: its type, file name and reassembled content. */
	public record Media(String botId, String type, String filename, byte[] content) {

	}

	/** An upload between init and finish. */
	private record Upload(String botId, String type, String filename, long totalSize, int totalChunks, String md5,
			Map<Integer, byte[]> chunks) {

	}

	/** Closes the bot's connection from the server side (going away, 1001). */
	public void drop(String botId) {
		Conn conn = this.subscribed.remove(botId);
		if (conn != null) {
			conn.closeQuietly(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "dropped"));
		}
	}

	/**
	 * Closes every open connection (going away, 1001) and, for a stand-in started on its own port, stops its
	 * Tomcat.
	 */
	@Override
	public void close() {
		for (Conn conn : this.open) {
			conn.closeQuietly(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "stand-in closed"));
		}
		Tomcat tomcat = this.tomcat;
		if (tomcat != null) {
			try {
				tomcat.stop();
				tomcat.destroy();
			}
			catch (Exception ex) {
				// best effort
			}
		}
		if (this.baseDir != null) {
			try (var paths = Files.walk(this.baseDir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// best effort
			}
		}
	}

	/**
	 * One recorded frame.
	 *
	 * @param connection the connection number (1, 2, ...)
	 * @param inbound true for client → server
	 * @param json the frame (null for a close)
	 * @param closeCode the close code, for a recorded close
	 */
	public record Frame(int connection, boolean inbound, JsonNode json, int closeCode) {

		public String command() {
			return (this.json != null) ? this.json.path("cmd").asString(null) : null;
		}

		public String requestId() {
			return (this.json != null) ? this.json.path("headers").path("req_id").asString(null) : null;
		}

		public JsonNode body() {
			return (this.json != null) ? this.json.path("body") : null;
		}

		public boolean isClose() {
			return this.json == null;
		}

	}

	/** One connection. */
	public final class Conn extends Endpoint {

		private final int number;

		private final Set<String> issued = ConcurrentHashMap.newKeySet();

		private volatile Session session;

		private volatile String botId;

		Conn(int number) {
			this.number = number;
		}

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			this.session = session;
			WeComBotServerStandIn.this.open.add(this);
			// a 512 KB chunk is about 700 KB of base64
			session.setMaxTextMessageBufferSize(2 * 1024 * 1024);
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onFrame);
		}

		@Override
		public void onClose(Session session, CloseReason closeReason) {
			WeComBotServerStandIn.this.open.remove(this);
			WeComBotServerStandIn.this.frames.add(new Frame(this.number, true, null, closeReason.getCloseCode().getCode()));
			if (this.botId != null) {
				WeComBotServerStandIn.this.subscribed.remove(this.botId, this);
			}
		}

		private synchronized void onFrame(String text) {
			JsonNode frame;
			try {
				frame = JSON.readTree(text);
			}
			catch (RuntimeException ex) {
				closeQuietly(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "not JSON"));
				return;
			}
			WeComBotServerStandIn.this.frames.add(new Frame(this.number, true, frame, 0));
			String command = frame.path("cmd").asString(null);
			String requestId = frame.path("headers").path("req_id").asString(null);
			if (this.botId == null && !"aibot_subscribe".equals(command)) {
				closeQuietly(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "subscribe first"));
				return;
			}
			if (requestId == null) {
				closeQuietly(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no req_id"));
				return;
			}
			switch (command) {
				case "aibot_subscribe" -> subscribe(frame, requestId);
				case "ping" -> {
					if (!WeComBotServerStandIn.this.ignorePings) {
						ack(requestId, 0, "ok");
					}
				}
				case "aibot_respond_msg", "aibot_respond_welcome_msg", "aibot_respond_update_msg" -> {
					if (!this.issued.contains(requestId)) {
						ack(requestId, UNKNOWN_REQ_ID, "invalid req_id");
					}
					else if (!frame.path("body").isObject()) {
						ack(requestId, 40008, "invalid message body");
					}
					else {
						ack(requestId, 0, "ok");
					}
				}
				case "aibot_send_msg" -> {
					// WeCom: only to a conversation where a user has written to the bot
					String chatId = frame.path("body").path("chatid").asString("");
					if (!WeComBotServerStandIn.this.chats.contains(this.botId + "/" + chatId)) {
						ack(requestId, 40003, "chat not found");
					}
					else {
						ack(requestId, 0, "ok");
					}
				}
				case "aibot_upload_media_init" -> uploadInit(frame.path("body"), requestId);
				case "aibot_upload_media_chunk" -> uploadChunk(frame.path("body"), requestId);
				case "aibot_upload_media_finish" -> uploadFinish(frame.path("body"), requestId);
				default -> ack(requestId, 40008, "unknown cmd " + command);
			}
		}

		private void subscribe(JsonNode frame, String requestId) {
			WeComBotServerStandIn.this.subscribeAttempts.add(Instant.now());
			String botId = frame.path("body").path("bot_id").asString(null);
			String secret = frame.path("body").path("secret").asString(null);
			if (botId == null || secret == null || !secret.equals(WeComBotServerStandIn.this.secrets.get(botId))) {
				ack(requestId, INVALID_CREDENTIAL, "invalid bot_id or secret");
				closeQuietly(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed"));
				return;
			}
			this.botId = botId;
			Conn previous = WeComBotServerStandIn.this.subscribed.put(botId, this);
			ack(requestId, 0, "ok");
			if (previous != null && previous != this) {
				ObjectNode body = JSON.createObjectNode().put("msgid", "evict-" + this.number).put("aibotid", botId)
					.put("msgtype", "event");
				body.putObject("event").put("eventtype", "disconnected_event");
				ObjectNode event = JSON.createObjectNode().put("cmd", "aibot_event_callback");
				event.putObject("headers").put("req_id", "aibot_event_callback_evict_" + this.number);
				event.set("body", body);
				previous.sendFrame(event);
				previous.closeQuietly(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced"));
			}
		}

		private void uploadInit(JsonNode body, String requestId) {
			String type = body.path("type").asString("");
			String filename = body.path("filename").asString("");
			long totalSize = body.path("total_size").asLong(-1);
			int totalChunks = body.path("total_chunks").asInt(-1);
			if (!Set.of("file", "image", "voice", "video").contains(type) || filename.isEmpty()) {
				ack(requestId, 40008, "invalid type or filename");
			}
			else if (totalChunks < 1 || totalChunks > MAX_CHUNKS || totalSize < 1
					|| totalSize > (long) totalChunks * MAX_CHUNK_SIZE) {
				ack(requestId, 40008, "invalid total_size or total_chunks");
			}
			else {
				String uploadId = "upload-" + WeComBotServerStandIn.this.uploadCount.incrementAndGet();
				WeComBotServerStandIn.this.uploads.put(uploadId, new Upload(this.botId, type, filename, totalSize,
						totalChunks, body.path("md5").asString(null), new ConcurrentHashMap<>()));
				ack(requestId, 0, "ok", JSON.createObjectNode().put("upload_id", uploadId));
			}
		}

		private void uploadChunk(JsonNode body, String requestId) {
			Upload upload = WeComBotServerStandIn.this.uploads.get(body.path("upload_id").asString(""));
			if (upload == null || !upload.botId().equals(this.botId)) {
				ack(requestId, UNKNOWN_UPLOAD_ID, "invalid upload_id");
				return;
			}
			int index = body.path("chunk_index").asInt(-1);
			if (index < 1 || index > upload.totalChunks()) {
				ack(requestId, 40008, "chunk_index out of range");
				return;
			}
			byte[] data;
			try {
				data = java.util.Base64.getDecoder().decode(body.path("base64_data").asString(""));
			}
			catch (IllegalArgumentException ex) {
				ack(requestId, 40008, "base64_data is no base64");
				return;
			}
			if (data.length == 0 || data.length > MAX_CHUNK_SIZE) {
				ack(requestId, 40008, "chunk size out of range");
				return;
			}
			if (WeComBotServerStandIn.this.corruptChunks) {
				data[0] ^= 1;
			}
			upload.chunks().putIfAbsent(index, data); // a repeated chunk is ignored
			ack(requestId, 0, "ok");
		}

		private void uploadFinish(JsonNode body, String requestId) {
			Upload upload = WeComBotServerStandIn.this.uploads.get(body.path("upload_id").asString(""));
			if (upload == null || !upload.botId().equals(this.botId)) {
				ack(requestId, UNKNOWN_UPLOAD_ID, "invalid upload_id");
				return;
			}
			if (upload.chunks().size() != upload.totalChunks()) {
				ack(requestId, UPLOAD_MISMATCH, "chunks missing");
				return;
			}
			java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
			for (int index = 1; index <= upload.totalChunks(); index++) {
				content.writeBytes(upload.chunks().get(index));
			}
			byte[] bytes = content.toByteArray();
			String md5;
			try {
				md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			if (bytes.length != upload.totalSize()) {
				ack(requestId, UPLOAD_MISMATCH, "total_size mismatch");
			}
			else if (upload.md5() != null && !upload.md5().equalsIgnoreCase(md5)) {
				ack(requestId, UPLOAD_MISMATCH, "md5 mismatch");
			}
			else {
				WeComBotServerStandIn.this.uploads.remove(body.path("upload_id").asString(""));
				String mediaId = "media-" + body.path("upload_id").asString("") + "-" + md5.substring(0, 8);
				WeComBotServerStandIn.this.media.put(mediaId,
						new Media(this.botId, upload.type(), upload.filename(), bytes));
				ack(requestId, 0, "ok", JSON.createObjectNode().put("type", upload.type()).put("media_id", mediaId)
					.put("created_at", System.currentTimeMillis() / 1000));
			}
		}

		private void ack(String requestId, int errcode, String errmsg) {
			ack(requestId, errcode, errmsg, null);
		}

		private void ack(String requestId, int errcode, String errmsg, JsonNode body) {
			ObjectNode ack = JSON.createObjectNode();
			ack.putObject("headers").put("req_id", requestId);
			ack.put("errcode", errcode).put("errmsg", errmsg);
			if (body != null) {
				ack.set("body", body);
			}
			sendFrame(ack);
		}

		synchronized void sendFrame(JsonNode frame) {
			WeComBotServerStandIn.this.frames.add(new Frame(this.number, false, frame, 0));
			try {
				this.session.getBasicRemote().sendText(JSON.writeValueAsString(frame));
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
			}
		}

		void closeQuietly(CloseReason reason) {
			try {
				this.session.close(reason);
			}
			catch (IOException | IllegalStateException ex) {
				// already closed
			}
		}

	}

	/** Waits until the condition holds, failing after the timeout. */
	public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted waiting for " + what);
			}
		}
	}

}

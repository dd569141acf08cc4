package dev.wxwork.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.client.WxWorkJson;
import dev.wxwork.client.WxWorkProxy;

/**
 * The long-connection (WebSocket) mode of one bot (doc 101463; WeCom's Node SDK is the reference): one
 * connection through the JDK's {@link WebSocket}, authenticated with {@code aibot_subscribe}, kept alive
 * with {@code ping}, re-opened with exponential back-off and full jitter, and serving the bot's
 * {@code aibot_msg_callback} / {@code aibot_event_callback} frames with the same handlers, replies and
 * stream rules as the callback mode.
 * <p>
 * Every frame is {@code {cmd, headers: {req_id}, body}}; the server answers each with
 * {@code {headers: {req_id}, errcode, errmsg}}. The replies to one callback use the callback's req_id
 * and are sent one at a time, each waiting for its ack. A stream update carries the whole text so far
 * under one stream id; an update not yet sent is replaced by a newer one (it would be overwritten on
 * screen anyway), and the last one says {@code finish: true}.
 * <p>
 * A {@code disconnected_event} means that a newer connection of the same bot took over: this one stops
 * for good instead of evicting it back.
 */
public final class BotLongConnection {

	private static final Log logger = LogFactory.getLog(BotLongConnection.class);

	private static final JsonMapper JSON = WxWorkJson.mapper();

	private final String botName;

	private final String botId;

	private final String secret;

	private final URI url;

	private final BotDispatcher dispatcher;

	private final Executor executor;

	private final BotCallbackEndpoint.Settings settings;

	private final Options options;

	private final HttpClient httpClient;

	private final ScheduledExecutorService scheduler;

	private final Map<String, CompletableFuture<JsonNode>> pendingAcks = new ConcurrentHashMap<>();

	private final Map<String, BotStream> openStreams = new ConcurrentHashMap<>();

	private final Map<String, Replies> replies = new ConcurrentHashMap<>();

	private final AtomicInteger missedPings = new AtomicInteger();

	private final Object lock = new Object();

	// guarded by lock
	private Connection connection;

	private int failedAttempts;

	private boolean running;

	private boolean evicted;

	private ScheduledFuture<?> heartbeat;

	private ScheduledFuture<?> reconnect;

	private volatile Runnable onEvicted = () -> {
	};

	/**
	 * @param botName the bot's name under {@code wxwork.bots}
	 * @param botId the bot's BotID
	 * @param secret the bot's Secret (sent in {@code aibot_subscribe} only, never logged)
	 * @param url the WebSocket address
	 * @param dispatcher the bot's handlers
	 * @param executor where handlers run and {@code Stream} / {@code Iterator} answers are pulled
	 * @param settings the texts and limits shared with the callback mode
	 * @param options heartbeat, back-off, ack and shutdown timings
	 */
	public BotLongConnection(String botName, String botId, String secret, URI url, BotDispatcher dispatcher,
			Executor executor, BotCallbackEndpoint.Settings settings, Options options) {
		this(botName, botId, secret, url, dispatcher, executor, settings, options, null, null);
	}

	/**
	 * A long connection through an HTTP proxy and with TLS settings of its own. Through a proxy the
	 * WebSocket (ws or wss) opens a tunnel ({@code CONNECT host:port}), so that the proxy sees neither the
	 * subscription nor any frame of a wss connection. The JDK's client sends the proxy's Basic credentials
	 * for that tunnel only when the JVM's {@code jdk.http.auth.tunneling.disabledSchemes} allows Basic
	 * ({@link WxWorkProxy#jdkAllowsBasicForTunnels()}).
	 * @param proxy the proxy, or null for the JVM's default proxy selector (none unless the JVM sets one)
	 * @param sslContext the TLS settings of a wss address (e.g. trusting a proxy's CA), or null for the JVM's
	 * @see #BotLongConnection(String, String, String, URI, BotDispatcher, Executor, BotCallbackEndpoint.Settings, Options)
	 */
	public BotLongConnection(String botName, String botId, String secret, URI url, BotDispatcher dispatcher,
			Executor executor, BotCallbackEndpoint.Settings settings, Options options, WxWorkProxy proxy,
			SSLContext sslContext) {
		this.botName = botName;
		this.botId = botId;
		this.secret = secret;
		this.url = url;
		this.dispatcher = dispatcher;
		this.executor = executor;
		this.settings = settings;
		this.options = options;
		HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(options.ackTimeout());
		if (proxy != null) {
			proxy.applyTo(client);
		}
		if (sslContext != null) {
			client.sslContext(sslContext);
		}
		this.httpClient = client.build();
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "wxwork-bot-" + botName + "-connection");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler = scheduler;
	}

	/** Called once when WeCom says a newer connection of this bot took over (so a cluster lease can be released). */
	public void setOnEvicted(Runnable onEvicted) {
		this.onEvicted = onEvicted;
	}

	/** The bot's name. */
	public String botName() {
		return this.botName;
	}

	/** Opens the connection (and keeps re-opening it) until {@link #stop}. */
	public void start() {
		synchronized (this.lock) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.evicted = false;
			this.failedAttempts = 0;
		}
		connect();
	}

	/** Whether the connection is open and subscribed. */
	public boolean isConnected() {
		synchronized (this.lock) {
			return this.connection != null && this.connection.subscribed;
		}
	}

	/** Whether this connection is wanted (started and neither stopped nor evicted). */
	public boolean isRunning() {
		synchronized (this.lock) {
			return this.running;
		}
	}

	/**
	 * Stops taking work, ends the answers still streaming with {@code finish: true} (waiting for them up
	 * to the shutdown timeout, then finishing them with the error text, and their last frames up to one
	 * ack timeout), and closes the connection with a normal close code.
	 */
	public void stop() {
		Connection current;
		synchronized (this.lock) {
			if (!this.running && this.connection == null) {
				return;
			}
			this.running = false;
			cancelTimers();
			current = this.connection;
		}
		long deadline = System.nanoTime() + this.options.shutdownTimeout().toNanos();
		CompletableFuture<?>[] ends = this.openStreams.values().stream().map(BotStream::end).toArray(CompletableFuture[]::new);
		await(CompletableFuture.allOf(ends), deadline);
		for (BotStream stream : this.openStreams.values()) {
			stream.fail(new IllegalStateException("The bot's connection shut down while the answer was streaming"));
		}
		// the last frames (finish: true) get their own bound: one ack timeout
		CompletableFuture<?>[] sent = this.replies.values().stream().map(Replies::drained).toArray(CompletableFuture[]::new);
		await(CompletableFuture.allOf(sent), System.nanoTime() + this.options.ackTimeout().toNanos());
		if (current != null) {
			current.close(WebSocket.NORMAL_CLOSURE, "shutdown");
		}
		synchronized (this.lock) {
			this.connection = null;
		}
		logger.info("Bot '" + this.botName + "' closed its long connection");
	}

	/** Stops for good and frees the scheduler thread. */
	public void destroy() {
		stop();
		this.scheduler.shutdownNow();
	}

	private static void await(CompletableFuture<?> future, long deadlineNanos) {
		try {
			future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// bounded: whatever is not done by now is given up
		}
	}

	private void cancelTimers() {
		if (this.heartbeat != null) {
			this.heartbeat.cancel(false);
			this.heartbeat = null;
		}
		if (this.reconnect != null) {
			this.reconnect.cancel(false);
			this.reconnect = null;
		}
	}

	private void connect() {
		Connection attempt = new Connection();
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.connection = attempt;
		}
		this.httpClient.newWebSocketBuilder()
			.connectTimeout(this.options.ackTimeout())
			.buildAsync(this.url, attempt)
			.whenComplete((socket, ex) -> {
				if (ex != null) {
					lost(attempt, "cannot connect to " + this.url + " (" + rootMessage(ex) + ")");
				}
			});
	}

	private void subscribe(Connection connection) {
		ObjectNode body = JSON.createObjectNode().put("bot_id", this.botId).put("secret", this.secret);
		send(connection, frame("aibot_subscribe", newRequestId("aibot_subscribe"), body)).whenComplete((ack, ex) -> {
			int errcode = (ack != null) ? ack.path("errcode").asInt(-1) : -1;
			if (ex == null && errcode == 0) {
				subscribed(connection);
			}
			else {
				// the secret is never part of the message
				String why = (ex != null) ? rootMessage(ex) : "errcode " + errcode + " (" + ack.path("errmsg").asString("") + ")";
				logger.error("WeCom refused the subscription of bot '" + this.botName + "' (bot-id " + this.botId
						+ "): " + why + "; check wxwork.bots." + this.botName + ".bot-id and .secret");
				connection.close(WebSocket.NORMAL_CLOSURE, "subscription refused");
				lost(connection, "subscription refused");
			}
		});
	}

	private void subscribed(Connection connection) {
		synchronized (this.lock) {
			if (this.connection != connection || !this.running) {
				connection.close(WebSocket.NORMAL_CLOSURE, "stopped");
				return;
			}
			connection.subscribed = true;
			this.failedAttempts = 0;
			this.missedPings.set(0);
			long interval = this.options.heartbeatInterval().toMillis();
			this.heartbeat = this.scheduler.scheduleWithFixedDelay(() -> ping(connection), interval, interval,
					TimeUnit.MILLISECONDS);
		}
		logger.info("WeCom bot '" + this.botName + "' connected over its long connection to " + this.url + ": "
				+ this.dispatcher);
	}

	private void ping(Connection connection) {
		if (this.missedPings.get() >= 2) {
			// two pings without an ack: the connection is dead even if TCP has not noticed (SDK)
			connection.abort();
			lost(connection, "two heartbeats were not acknowledged");
			return;
		}
		this.missedPings.incrementAndGet();
		send(connection, frame("ping", newRequestId("ping"), null)).whenComplete((ack, ex) -> {
			if (ex == null) {
				this.missedPings.set(0);
			}
		});
	}

	/** The connection is gone: schedules the next attempt with back-off, unless stopped or evicted. */
	private void lost(Connection connection, String reason) {
		synchronized (this.lock) {
			if (this.connection != connection) {
				return;
			}
			this.connection = null;
			if (this.heartbeat != null) {
				this.heartbeat.cancel(false);
				this.heartbeat = null;
			}
			failPendingAcks();
			if (!this.running || this.evicted) {
				return;
			}
			long delay = backoffMillis(this.failedAttempts++);
			logger.warn("Long connection of bot '" + this.botName + "' lost: " + reason + "; reconnecting in " + delay
					+ " ms");
			this.reconnect = this.scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
		}
	}

	/** Exponential back-off from the minimum, doubling to the maximum, with full jitter above the minimum. */
	long backoffMillis(int failedAttempts) {
		long min = this.options.reconnectMinDelay().toMillis();
		long max = Math.max(min, this.options.reconnectMaxDelay().toMillis());
		long cap = (failedAttempts >= 30) ? max : Math.min(max, min << failedAttempts);
		return (cap > min) ? ThreadLocalRandom.current().nextLong(min, cap + 1) : min;
	}

	private void failPendingAcks() {
		this.pendingAcks.values().forEach((future) -> future.completeExceptionally(
				new IllegalStateException("the connection closed before the ack")));
		this.pendingAcks.clear();
	}

	private void received(Connection connection, String text) {
		JsonNode frame;
		try {
			// the SDK strips control characters before parsing
			frame = JSON.readTree(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
		}
		catch (RuntimeException ex) {
			logger.warn("Bot '" + this.botName + "' received a frame that is not JSON; ignored");
			return;
		}
		String requestId = frame.path("headers").path("req_id").asString(null);
		String command = frame.path("cmd").asString(null);
		if (command == null) {
			CompletableFuture<JsonNode> pending = (requestId != null) ? this.pendingAcks.remove(requestId) : null;
			if (pending != null) {
				pending.complete(frame);
			}
			return;
		}
		if (!"aibot_msg_callback".equals(command) && !"aibot_event_callback".equals(command)) {
			logger.debug("Bot '" + this.botName + "' ignores a " + command + " frame");
			return;
		}
		BotCallback callback;
		try {
			callback = new BotCallback(frame.path("body"));
		}
		catch (RuntimeException ex) {
			logger.warn("Bot '" + this.botName + "' received a " + command + " it cannot read; ignored");
			return;
		}
		if ("disconnected_event".equals(callback.eventType())) {
			evicted(connection);
			return;
		}
		if (!isRunning() || requestId == null) {
			return;
		}
		try {
			this.executor.execute(() -> handle(connection, requestId, callback));
		}
		catch (RejectedExecutionException ex) {
			logger.error("Bot '" + this.botName + "' has no thread left for " + callback + "; raise wxwork.bots."
					+ this.botName + ".max-concurrent-streams");
		}
	}

	private void evicted(Connection connection) {
		synchronized (this.lock) {
			this.evicted = true;
			this.running = false;
			cancelTimers();
			if (this.connection == connection) {
				this.connection = null;
			}
		}
		logger.warn("WeCom says a newer connection of bot '" + this.botName + "' took over (disconnected_event); this "
				+ "instance stops its long connection rather than evict the other one");
		connection.close(WebSocket.NORMAL_CLOSURE, "replaced");
		this.onEvicted.run();
	}

	/** Whether WeCom said a newer connection took over. */
	public boolean isEvicted() {
		synchronized (this.lock) {
			return this.evicted;
		}
	}

	private void handle(Connection connection, String requestId, BotCallback callback) {
		BotHandlerMethod handler = this.dispatcher.find(callback);
		if (handler == null) {
			logger.debug("No handler of bot '" + this.botName + "' takes " + callback);
			return;
		}
		Replies replies = this.replies.computeIfAbsent(requestId, (id) -> new Replies(connection, id));
		if ("event".equals(callback.msgType())) {
			answerEvent(handler, callback, replies);
		}
		else {
			answerMessage(handler, callback, replies);
		}
		// kept until its streams have ended and their last frames are acked, so that a shutdown waits for them
		CompletableFuture.allOf(replies.streamEnds())
			.thenCompose((ignored) -> replies.drained())
			.whenComplete((ignored, ex) -> this.replies.remove(requestId, replies));
	}

	private void answerEvent(BotHandlerMethod handler, BotCallback callback, Replies replies) {
		long started = System.nanoTime();
		Object result;
		try {
			result = handler.invoke(callback, null);
		}
		catch (Throwable ex) {
			logger.error("Bot handler " + handler + " of bot '" + this.botName + "' failed for " + callback, ex);
			return;
		}
		if (result == null) {
			return;
		}
		String event = callback.eventType();
		if ("enter_chat".equals(event)) {
			long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			if (elapsed > this.settings.welcomeDeadline().toMillis()) {
				logger.warn("Bot handler " + handler + " took " + elapsed + " ms, longer than WeCom's deadline of "
						+ this.settings.welcomeDeadline() + " for a welcome; it is not sent");
				return;
			}
			ObjectNode welcome = welcome(result);
			if (welcome == null) {
				logger.error("Bot handler " + handler + " returned no welcome; nothing is sent");
				return;
			}
			replies.send("aibot_respond_welcome_msg", welcome, null);
			return;
		}
		if ("template_card_event".equals(event) && result instanceof BotReply.UpdateCard update) {
			ObjectNode body = JSON.createObjectNode().put("response_type", "update_template_card");
			if (!update.userIds().isEmpty()) {
				body.set("userids", JSON.valueToTree(update.userIds()));
			}
			body.set("template_card", JSON.valueToTree(update.card()));
			replies.send("aibot_respond_update_msg", body, null);
			return;
		}
		logger.error("Bot handler " + handler + " returned no reply to " + callback + "; nothing is sent");
	}

	private static ObjectNode welcome(Object result) {
		String text = (result instanceof String string) ? string : (result instanceof BotReply.Text t) ? t.content()
				: (result instanceof BotReply.Markdown m) ? m.content() : null;
		if (text != null) {
			ObjectNode reply = JSON.createObjectNode().put("msgtype", "text");
			reply.putObject("text").put("content", text);
			return reply;
		}
		if (result instanceof BotReply.TemplateCard card) {
			return cardReply(card.card());
		}
		return null;
	}

	private void answerMessage(BotHandlerMethod handler, BotCallback callback, Replies replies) {
		BotStream stream = handler.takesStream() ? openStream(replies, null) : null;
		Object result;
		try {
			result = handler.invoke(callback, stream);
		}
		catch (Throwable ex) {
			((stream != null) ? stream : openStream(replies, null)).fail(ex);
			return;
		}
		if (stream != null || result == null) {
			return;
		}
		if (result instanceof BotReply.TemplateCard card) {
			replies.send("aibot_respond_msg", cardReply(card.card()), null);
			return;
		}
		Object answer = (result instanceof BotReply.Text text) ? text.content()
				: (result instanceof BotReply.Markdown markdown) ? markdown.content()
				: (result instanceof BotReply.StreamWithCard withCard) ? withCard.answer() : result;
		Object card = (result instanceof BotReply.StreamWithCard withCard) ? withCard.card() : null;
		if ((answer instanceof BotReply) || !BotAnswerSources.isAnswer(answer)) {
			logger.error("Bot handler " + handler + " returned no reply to " + callback + "; nothing is sent");
			return;
		}
		BotAnswerSources.feed(answer, openStream(replies, card), this.executor);
	}

	/** A stream whose every update becomes an {@code aibot_respond_msg} frame of the callback's req_id. */
	private BotStream openStream(Replies replies, Object card) {
		String id = newStreamId();
		boolean[] first = { true };
		BotStream stream = new BotStream(id, (s, state) -> {
			ObjectNode body = JSON.createObjectNode();
			body.put("msgtype", (card != null && first[0]) ? "stream_with_template_card" : "stream");
			body.putObject("stream").put("id", id).put("finish", state.finished()).put("content", state.content());
			if (card != null && first[0]) {
				body.set("template_card", JSON.valueToTree(card));
			}
			// the card goes once, with the first frame, which is therefore never replaced by a later update
			replies.send("aibot_respond_msg", body, (card != null && first[0]) ? null : id);
			first[0] = false;
			if (state.finished()) {
				this.openStreams.remove(id);
			}
		}, BotStream.MAX_CONTENT_BYTES, this.settings.errorText());
		this.openStreams.put(id, stream);
		replies.streams.add(stream);
		stream.end()
			.copy()
			.orTimeout(this.settings.streamTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((ignored, ex) -> {
				if (ex instanceof TimeoutException) {
					stream.fail(new TimeoutException("The answer took longer than wxwork.bots." + this.botName
							+ ".stream-timeout (" + this.settings.streamTimeout() + ")"));
				}
			});
		return stream;
	}

	private static ObjectNode cardReply(Object card) {
		ObjectNode reply = JSON.createObjectNode().put("msgtype", "template_card");
		reply.set("template_card", JSON.valueToTree(card));
		return reply;
	}

	/** Sends a frame and completes with the server's ack to its req_id (failing after the ack timeout). */
	private CompletableFuture<JsonNode> send(Connection connection, ObjectNode frame) {
		String requestId = frame.path("headers").path("req_id").asString();
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		this.pendingAcks.put(requestId, ack);
		connection.sendText(JSON.writeValueAsString(frame)).whenComplete((ignored, ex) -> {
			if (ex != null) {
				ack.completeExceptionally(ex);
			}
		});
		return ack.orTimeout(this.options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((ignored, ex) -> this.pendingAcks.remove(requestId, ack));
	}

	/**
	 * Sends one request of the bot's own (such as {@code aibot_send_msg}) with a fresh req_id over the
	 * open connection, and waits for WeCom's answer.
	 * @return the answer, with its errcode
	 * @throws IllegalStateException when the connection is not open (not connected, or held by another instance)
	 * @throws java.util.concurrent.CompletionException when no answer came within the ack timeout
	 */
	JsonNode request(String command, ObjectNode body) {
		Connection current;
		synchronized (this.lock) {
			current = this.connection;
		}
		if (current == null || !current.subscribed) {
			throw new IllegalStateException("Bot '" + this.botName + "' has no open long connection on this instance");
		}
		return send(current, frame(command, newRequestId(command), body)).join();
	}

	private static ObjectNode frame(String command, String requestId, JsonNode body) {
		ObjectNode frame = JSON.createObjectNode().put("cmd", command);
		frame.putObject("headers").put("req_id", requestId);
		if (body != null) {
			frame.set("body", body);
		}
		return frame;
	}

	/** {@code <cmd>_<ms>_<8 hex>}, as the SDK makes them. */
	static String newRequestId(String command) {
		return command + "_" + System.currentTimeMillis() + "_"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

	private static String newStreamId() {
		return java.util.UUID.randomUUID().toString().replace("-", "");
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	@Override
	public String toString() {
		return "BotLongConnection[bot=" + this.botName + ", url=" + this.url + "]";
	}

	/**
	 * Timings of the long connection.
	 *
	 * @param heartbeatInterval how often a ping is sent (WeCom: every 30 s); two unacknowledged pings mean a dead connection
	 * @param reconnectMinDelay the first back-off delay
	 * @param reconnectMaxDelay the longest back-off delay
	 * @param ackTimeout how long a frame waits for its ack (also the connect timeout)
	 * @param shutdownTimeout how long a shutdown waits for the answers still streaming
	 * @param leaseTime in a cluster (with Redis), how long the lease of the connection's holder lasts unrenewed
	 */
	public record Options(Duration heartbeatInterval, Duration reconnectMinDelay, Duration reconnectMaxDelay,
			Duration ackTimeout, Duration shutdownTimeout, Duration leaseTime) {

		/** WeCom's SDK timings: ping every 30 s, back-off 1 s to 30 s, 5 s per ack; 10 s for a shutdown, a 15 s lease. */
		public static Options defaults() {
			return new Options(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30),
					Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
		}

	}

	/**
	 * The reply frames of one callback's req_id: sent one at a time, each after the previous one's ack.
	 * A stream update still waiting is replaced by a newer update of the same stream.
	 */
	private final class Replies {

		private final Connection connection;

		private final String requestId;

		private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

		private final Map<String, ObjectNode[]> waitingUpdates = new ConcurrentHashMap<>();

		private final java.util.List<BotStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

		Replies(Connection connection, String requestId) {
			this.connection = connection;
			this.requestId = requestId;
		}

		/** Queues a frame; {@code replaceableKey} (a stream id) lets a newer frame of the same key replace it while waiting. */
		synchronized void send(String command, ObjectNode body, String replaceableKey) {
			if (replaceableKey != null) {
				ObjectNode[] waiting = this.waitingUpdates.get(replaceableKey);
				if (waiting != null && !waiting[0].path("stream").path("finish").asBoolean()) {
					waiting[0] = body;
					return;
				}
			}
			ObjectNode[] slot = { body };
			if (replaceableKey != null) {
				this.waitingUpdates.put(replaceableKey, slot);
			}
			this.tail = this.tail.thenCompose((ignored) -> {
				synchronized (this) {
					if (replaceableKey != null) {
						this.waitingUpdates.remove(replaceableKey, slot);
					}
				}
				return BotLongConnection.this.send(this.connection, frame(command, this.requestId, slot[0]))
					.handle((ack, ex) -> {
						int errcode = (ack != null) ? ack.path("errcode").asInt(-1) : -1;
						if (ex != null || errcode != 0) {
							logger.warn("Bot '" + BotLongConnection.this.botName + "': WeCom did not acknowledge a "
									+ command + " frame: " + ((ex != null) ? rootMessage(ex)
											: "errcode " + errcode + " (" + ack.path("errmsg").asString("") + ")"));
						}
						return null;
					});
			});
		}

		CompletableFuture<?>[] streamEnds() {
			return this.streams.stream().map(BotStream::end).toArray(CompletableFuture[]::new);
		}

		synchronized CompletableFuture<Void> drained() {
			return this.tail;
		}

	}

	/** One WebSocket: reassembles partial text frames and feeds whole frames in. */
	private final class Connection implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private volatile WebSocket socket;

		private volatile boolean subscribed;

		private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

		@Override
		public void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			webSocket.request(1);
			subscribe(this);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				received(this, text);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			// completes the closing handshake the server started
			close(WebSocket.NORMAL_CLOSURE, "");
			lost(this, "closed by the server (" + statusCode + ((reason != null && !reason.isEmpty()) ? " " + reason : "")
					+ ")");
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			lost(this, rootMessage(error));
		}

		/** The JDK's WebSocket takes one send at a time: sends are chained. */
		synchronized CompletableFuture<?> sendText(String text) {
			WebSocket webSocket = this.socket;
			if (webSocket == null) {
				return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
			}
			this.sending = this.sending.handle((ignored, ex) -> null)
				.thenCompose((ignored) -> webSocket.sendText(text, true));
			return this.sending;
		}

		void close(int code, String reason) {
			WebSocket webSocket = this.socket;
			if (webSocket != null && !webSocket.isOutputClosed()) {
				sendClosing(webSocket, code, reason);
			}
		}

		private synchronized void sendClosing(WebSocket webSocket, int code, String reason) {
			this.sending = this.sending.handle((ignored, ex) -> null)
				.thenCompose((ignored) -> webSocket.sendClose(code, reason))
				.orTimeout(5, TimeUnit.SECONDS)
				.whenComplete((ignored, ex) -> {
					if (ex != null) {
						webSocket.abort();
					}
				});
		}

		void abort() {
			WebSocket webSocket = this.socket;
			if (webSocket != null) {
				webSocket.abort();
			}
		}

	}

}

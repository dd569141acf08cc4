package dev.wxwork.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.callback.support.SignedCallbackEndpoint;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.crypto.SignedRequestGate;

/**
 * The callback (HTTP) endpoint of one bot, free of HTTP (docs 101033, 100719, 101031): verifies,
 * decrypts, deduplicates and dispatches a callback, answers WeCom's stream refresh polls, and seals the
 * reply as JSON.
 * <p>
 * The order is that of app callbacks, kept by the shared {@link SignedRequestGate}: parameters, size
 * and freshness first, then the signature (in constant time) before any byte is decrypted, then the
 * receive id (empty for bots), and only then the JSON. Every refusal is the same {@link BotCallbackResponse#REJECTED}, with the reason logged at WARN;
 * no handler runs.
 * <p>
 * A streamed answer keeps one stream id. Its first reply opens the stream and is never the last, so
 * that WeCom polls; each update of the answer is saved to the {@link BotStreamStore}, from which any
 * instance answers the polls.
 */
public final class BotCallbackEndpoint implements SignedCallbackEndpoint<BotCallbackResponse> {

	private static final Log logger = LogFactory.getLog(BotCallbackEndpoint.class);

	private static final JsonMapper JSON = WxWorkJson.mapper();

	private final String botName;

	private final CallbackCrypto crypto;

	private final BotDispatcher dispatcher;

	private final BotStreamStore store;

	private final Executor executor;

	private final Settings settings;

	private final Clock clock;

	private final String deduplicationKeyPrefix;

	private final SignedRequestGate gate;

	private final WxWorkBotClient client;

	// the streams this instance produces, answered from here first (the freshest state, even without Redis)
	private final Map<String, OpenStream> openStreams = new ConcurrentHashMap<>();

	/**
	 * @param botName the bot's name under {@code wxwork.bots}
	 * @param crypto the bot's callback crypto, with the empty receive id
	 * @param dispatcher the bot's handlers
	 * @param store where stream states and received msgids live
	 * @param executor where {@code Stream} and {@code Iterator} answers are pulled
	 * @param settings limits and texts
	 * @param clock the clock for freshness checks and reply timestamps
	 * @param client sends the rest of an answer that outlasts WeCom's poll window through the callback's
	 * {@code response_url}; null to end such an answer with the error text
	 */
	public BotCallbackEndpoint(String botName, CallbackCrypto crypto, BotDispatcher dispatcher, BotStreamStore store,
			Executor executor, Settings settings, Clock clock, WxWorkBotClient client) {
		this.botName = botName;
		this.client = client;
		this.crypto = crypto;
		this.dispatcher = dispatcher;
		this.store = store;
		this.executor = executor;
		this.settings = settings;
		this.clock = clock;
		this.deduplicationKeyPrefix = settings.redisKeyPrefix() + ":bot-callback:" + botName + ":";
		this.gate = new SignedRequestGate(crypto, settings.timestampTolerance(), settings.maxBodySize(), clock);
	}

	/** The bot's name. */
	public String botName() {
		return this.botName;
	}

	/** The largest body accepted, in bytes. */
	@Override
	public int maxBodySize() {
		return this.settings.maxBodySize();
	}

	/** How many streams this instance is producing now. */
	public int openStreamCount() {
		return this.openStreams.size();
	}

	/**
	 * Ends the answers still streaming here with the error text, so that the polls other instances
	 * answer from the store see a finished stream rather than one that never moves again.
	 */
	public void close() {
		for (OpenStream open : this.openStreams.values()) {
			open.stream.fail(new IllegalStateException("This instance shut down while the answer was streaming"));
		}
	}

	/** Answers WeCom's URL verification (GET): the decrypted echostr alone. */
	@Override
	public BotCallbackResponse verify(String signature, String timestamp, String nonce, String echostr) {
		SignedRequestGate.Opened<byte[]> echo = this.gate.openEcho(signature, timestamp, nonce, echostr);
		return echo.isRefused() ? reject(echo.refusal()) : BotCallbackResponse.echo(echo.value());
	}

	/** Receives a POSTed callback: the sealed reply, an empty 200, or a refusal. */
	@Override
	public BotCallbackResponse receive(String signature, String timestamp, String nonce, byte[] body) {
		SignedRequestGate.Opened<BotCallback> opened = this.gate.openCallback(signature, timestamp, nonce, body,
				(crypto, s, t, n, b) -> BotCallback.parse(crypto.open(s, t, n, encrypt(b))));
		if (opened.isRefused()) {
			return reject(opened.refusal());
		}
		BotCallback callback = opened.value();
		if (callback.isStreamRefresh()) {
			return seal(refresh(callback), nonce);
		}
		BotHandlerMethod handler = this.dispatcher.find(callback);
		if (handler == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("No handler of bot '" + this.botName + "' takes " + callback);
			}
			return BotCallbackResponse.ACKNOWLEDGED;
		}
		if (callback.msgId() != null && !this.store.firstDelivery(this.deduplicationKeyPrefix + callback.msgId(),
				this.settings.deduplicationWindow())) {
			if (logger.isDebugEnabled()) {
				logger.debug("Ignoring WeCom's repetition of " + callback + " to bot '" + this.botName + "'");
			}
			return BotCallbackResponse.ACKNOWLEDGED;
		}
		ObjectNode reply = ("event".equals(callback.msgType())) ? answerEvent(handler, callback)
				: answerMessage(handler, callback);
		return (reply != null) ? seal(reply, nonce) : BotCallbackResponse.ACKNOWLEDGED;
	}

	private static String encrypt(byte[] body) {
		JsonNode envelope = JSON.readTree(body);
		JsonNode encrypt = (envelope != null) ? envelope.get("encrypt") : null;
		if (encrypt == null || !encrypt.isString()) {
			throw new IllegalArgumentException("the body is no JSON object with an encrypt string");
		}
		return encrypt.stringValue();
	}

	private ObjectNode refresh(BotCallback callback) {
		String id = callback.streamId();
		if (isBlank(id)) {
			return null;
		}
		OpenStream local = this.openStreams.get(id);
		Optional<BotStreamState> state;
		try {
			state = (local != null) ? Optional.of(local.shown()) : this.store.load(id);
		}
		catch (RuntimeException ex) {
			// no answer rather than a made-up one: WeCom polls again, and an empty or finished stream would
			// replace what the user sees
			logger.warn("Bot '" + this.botName + "' cannot read stream " + id + " from its store ("
					+ ex.getClass().getSimpleName() + "); leaving this poll unanswered");
			return null;
		}
		if (state.isEmpty()) {
			// lost (expired, or Redis was down while it was written): end WeCom's polling visibly
			logger.warn("Bot '" + this.botName + "' was polled for stream " + id + ", which is unknown here; finishing it");
			return streamReply(id, new BotStreamState(this.settings.errorText(), true));
		}
		return streamReply(id, state.get());
	}

	private ObjectNode answerEvent(BotHandlerMethod handler, BotCallback callback) {
		long started = this.clock.millis();
		Object result;
		try {
			result = handler.invoke(callback, null);
		}
		catch (Throwable ex) {
			logger.error("Bot handler " + handler + " of bot '" + this.botName + "' failed for " + callback, ex);
			return null;
		}
		if (result == null) {
			return null;
		}
		String event = callback.eventType();
		if ("enter_chat".equals(event)) {
			long elapsed = this.clock.millis() - started;
			if (elapsed > this.settings.welcomeDeadline().toMillis()) {
				logger.warn("Bot handler " + handler + " took " + elapsed + " ms, longer than WeCom's deadline of "
						+ this.settings.welcomeDeadline() + " for a welcome; it is not sent");
				return null;
			}
			return welcome(result, handler);
		}
		if ("template_card_event".equals(event) && result instanceof BotReply.UpdateCard update) {
			ObjectNode reply = JSON.createObjectNode().put("response_type", "update_template_card");
			if (!update.userIds().isEmpty()) {
				reply.set("userids", JSON.valueToTree(update.userIds()));
			}
			reply.set("template_card", JSON.valueToTree(update.card()));
			return reply;
		}
		logger.error("Bot handler " + handler + " returned " + describe(result) + ", which is no reply to "
				+ callback + "; nothing is sent");
		return null;
	}

	private ObjectNode welcome(Object result, BotHandlerMethod handler) {
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
		logger.error("Bot handler " + handler + " returned " + describe(result) + ", which is no welcome; nothing is sent");
		return null;
	}

	private ObjectNode answerMessage(BotHandlerMethod handler, BotCallback callback) {
		BotStream stream = handler.takesStream() ? openStream(callback) : null;
		Object result;
		try {
			result = handler.invoke(callback, stream);
		}
		catch (Throwable ex) {
			BotStream failed = (stream != null) ? stream : openStream(callback);
			failed.fail(ex);
			return streamReply(failed.id(), failed.state());
		}
		if (stream != null) {
			return firstReply(stream);
		}
		if (result == null) {
			return null;
		}
		if (result instanceof String text) {
			return streamReply(newStreamId(), new BotStreamState(text, true));
		}
		if (result instanceof BotReply.Text text) {
			return streamReply(newStreamId(), new BotStreamState(text.content(), true));
		}
		if (result instanceof BotReply.Markdown markdown) {
			return streamReply(newStreamId(), new BotStreamState(markdown.content(), true));
		}
		if (result instanceof BotReply.TemplateCard card) {
			return cardReply(card.card());
		}
		if (result instanceof BotReply.StreamWithCard withCard && BotAnswerSources.isAnswer(withCard.answer())) {
			ObjectNode reply = firstReply(feed(withCard.answer(), callback));
			reply.put("msgtype", "stream_with_template_card");
			reply.set("template_card", JSON.valueToTree(withCard.card()));
			return reply;
		}
		if (!(result instanceof BotReply) && BotAnswerSources.isAnswer(result)) {
			return firstReply(feed(result, callback));
		}
		logger.error("Bot handler " + handler + " returned " + describe(result) + ", which is no reply to "
				+ callback + "; nothing is sent");
		return null;
	}

	private BotStream feed(Object source, BotCallback callback) {
		BotStream stream = openStream(callback);
		BotAnswerSources.feed(source, stream, this.executor);
		return stream;
	}

	/**
	 * A new stream produced here, saved at each update. When WeCom's poll window closes first, the stream
	 * shown to WeCom is finished with the continuation text and the whole answer follows through the
	 * callback's response_url; without one, the answer ends with the error text.
	 */
	private BotStream openStream(BotCallback callback) {
		BotStream stream = new BotStream(newStreamId(), this::updated, BotStream.MAX_CONTENT_BYTES,
				this.settings.errorText());
		String responseUrl = (this.client != null) ? callback.responseUrl() : null;
		this.openStreams.put(stream.id(), new OpenStream(stream, responseUrl));
		stream.end()
			.copy()
			.orTimeout(this.settings.streamTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((ignored, ex) -> {
				if (ex instanceof TimeoutException) {
					pollWindowClosed(stream, responseUrl);
				}
			});
		return stream;
	}

	private void pollWindowClosed(BotStream stream, String responseUrl) {
		OpenStream open = this.openStreams.get(stream.id());
		if (responseUrl == null || open == null) {
			stream.fail(new TimeoutException("The answer took longer than wxwork.bots." + this.botName
					+ ".stream-timeout (" + this.settings.streamTimeout() + "), WeCom's poll window"));
			return;
		}
		BotStreamState handedOver;
		synchronized (stream) {
			if (stream.isFinished()) {
				return;
			}
			handedOver = new BotStreamState(BotStream.withSuffix(stream.state().content(),
					this.settings.continuationText(), BotStream.MAX_CONTENT_BYTES), true);
			open.handOver(handedOver);
		}
		this.store.save(stream.id(), handedOver, storeTtl());
		logger.info("Bot stream " + stream.id() + " of bot '" + this.botName + "' outlasts WeCom's poll window; "
				+ "its answer will follow through the callback's response_url");
		// response_url takes replies for an hour: an answer still running then is ended
		stream.end()
			.copy()
			.orTimeout(Duration.ofMinutes(55).toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((ignored, ex) -> {
				if (ex instanceof TimeoutException) {
					stream.fail(new TimeoutException("The answer did not end within the hour of its response_url"));
				}
			});
	}

	private void updated(BotStream stream, BotStreamState state) {
		OpenStream open = this.openStreams.get(stream.id());
		if (open != null && open.isHandedOver()) {
			if (state.finished()) {
				this.openStreams.remove(stream.id());
				try {
					this.executor.execute(() -> replyLater(stream, open.responseUrl(), state.content()));
				}
				catch (java.util.concurrent.RejectedExecutionException ex) {
					replyLater(stream, open.responseUrl(), state.content());
				}
			}
			return;
		}
		boolean saved = this.store.save(stream.id(), state, storeTtl());
		if (state.finished()) {
			if (saved) {
				this.openStreams.remove(stream.id());
			}
			else {
				// the store did not take the end: this instance keeps answering the polls it gets
				CompletableFuture.delayedExecutor(storeTtl().toMillis(), TimeUnit.MILLISECONDS)
					.execute(() -> this.openStreams.remove(stream.id()));
			}
		}
	}

	private void replyLater(BotStream stream, String responseUrl, String content) {
		try {
			this.client.replyMarkdown(responseUrl, content);
		}
		catch (RuntimeException ex) {
			logger.error("The rest of bot stream " + stream.id() + " of bot '" + this.botName
					+ "' could not be sent through its response_url: " + ex.getMessage());
		}
	}

	private Duration storeTtl() {
		return this.settings.streamTimeout().plus(this.settings.streamTimeout());
	}

	/** The first reply of a streamed answer: what is there after a short wait, never finished, so WeCom polls. */
	private ObjectNode firstReply(BotStream stream) {
		stream.awaitFirstUpdate(this.settings.firstReplyWait().toMillis());
		BotStreamState state = stream.state();
		return streamReply(stream.id(), new BotStreamState(state.content(), false));
	}

	private static ObjectNode streamReply(String id, BotStreamState state) {
		ObjectNode reply = JSON.createObjectNode().put("msgtype", "stream");
		reply.putObject("stream").put("id", id).put("finish", state.finished()).put("content", state.content());
		return reply;
	}

	private static ObjectNode cardReply(Object card) {
		ObjectNode reply = JSON.createObjectNode().put("msgtype", "template_card");
		reply.set("template_card", JSON.valueToTree(card));
		return reply;
	}

	private BotCallbackResponse seal(ObjectNode reply, String nonce) {
		if (reply == null) {
			return BotCallbackResponse.ACKNOWLEDGED;
		}
		// doc 101033: the reply is sealed with the nonce of the callback's URL
		SealedMessage sealed = this.crypto.seal(JSON.writeValueAsString(reply),
				String.valueOf(this.clock.millis() / 1000), nonce);
		ObjectNode body = JSON.createObjectNode()
			.put("encrypt", sealed.encrypt())
			.put("msgsignature", sealed.signature())
			// a string, as WeCom's official JSON crypto demo writes it
			.put("timestamp", sealed.timestamp())
			.put("nonce", sealed.nonce());
		return BotCallbackResponse.reply(JSON.writeValueAsString(body));
	}

	private static String newStreamId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String describe(Object result) {
		return (result instanceof BotReply) ? result.getClass().getSimpleName() : "a " + result.getClass().getName();
	}

	/** Refuses a callback: logs why (never a secret) and answers the one uniform refusal. */
	@Override
	public BotCallbackResponse reject(String reason) {
		logger.warn("Refused a callback to bot '" + this.botName + "': " + reason);
		return BotCallbackResponse.REJECTED;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "BotCallbackEndpoint[bot=" + this.botName + ", " + this.dispatcher + "]";
	}

	/**
	 * Limits and texts of a bot's endpoint.
	 *
	 * @param timestampTolerance how far a callback's timestamp may be from this server's clock
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param redisKeyPrefix the prefix of Redis keys ({@code wxwork.redis-key-prefix})
	 * @param deduplicationWindow how long a received msgid is remembered
	 * @param firstReplyWait how long the first reply of a streamed answer waits for its first chunk
	 * @param streamTimeout how long an answer may stream before it is ended (WeCom polls for 6 minutes)
	 * @param welcomeDeadline how long an enter_chat handler may take before its welcome is dropped
	 * @param errorText the short text a failed answer ends with
	 * @param continuationText what the stream ends with when the rest of its answer follows through the response_url
	 */
	public record Settings(Duration timestampTolerance, int maxBodySize, String redisKeyPrefix,
			Duration deduplicationWindow, Duration firstReplyWait, Duration streamTimeout, Duration welcomeDeadline,
			String errorText, String continuationText) {

		public Settings {
			SignedRequestGate.checkMaxBodySize(maxBodySize);
		}

	}

	/** A stream produced here, and what WeCom is shown once it was handed over to the response_url. */
	private static final class OpenStream {

		private final BotStream stream;

		private final String responseUrl;

		private volatile BotStreamState handedOver;

		OpenStream(BotStream stream, String responseUrl) {
			this.stream = stream;
			this.responseUrl = responseUrl;
		}

		BotStreamState shown() {
			BotStreamState override = this.handedOver;
			return (override != null) ? override : this.stream.state();
		}

		void handOver(BotStreamState shown) {
			this.handedOver = shown;
		}

		boolean isHandedOver() {
			return this.handedOver != null;
		}

		String responseUrl() {
			return this.responseUrl;
		}

	}

}

package dev.wxwork.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.callback.support.SignedCallbackEndpoint;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.CallbackCryptoException;
import dev.wxwork.crypto.SignedRequestGate;

/**
 * The callback endpoint of one app, free of HTTP: verifies, decrypts, types, deduplicates and
 * dispatches a callback, and seals the handler's reply.
 * <p>
 * Order matters for safety: the {@link SignedRequestGate} checks parameters, size and freshness first,
 * then the signature (in constant time) before any byte is decrypted, then the receive id, and only then
 * the inner XML is read. Every refusal is the same {@link CallbackResponse#REJECTED} answer, with the reason logged at WARN; no handler runs.
 */
public final class CallbackEndpoint implements SignedCallbackEndpoint<CallbackResponse> {

	private static final Log logger = LogFactory.getLog(CallbackEndpoint.class);

	private static final long RETRY_POLL_MILLIS = 50;

	private final String agentName;

	private final CallbackCrypto crypto;

	private final CallbackDispatcher dispatcher;

	private final WxWorkAgent agent;

	private final CallbackDeduplicator deduplicator;

	private final CallbackHandOff handOff;

	private final Settings settings;

	private final Clock clock;

	private final String deduplicationKeyPrefix;

	private final SignedRequestGate gate;

	// the outcome of each callback a sync handler is running in this JVM, for WeCom's retries of it to wait on
	private final ConcurrentHashMap<String, CompletableFuture<CallbackResponse>> running = new ConcurrentHashMap<>();

	/**
	 * The endpoint of one app.
	 * @param agent the app, passed to handlers that take it
	 * @param crypto the app's callback crypto
	 * @param dispatcher the app's handlers
	 * @param deduplicator where handled callbacks are remembered
	 * @param executor where async handlers run, in this process and without retries
	 * @param settings limits and the deduplication key prefix
	 * @param clock the clock for freshness checks and reply timestamps
	 */
	public CallbackEndpoint(WxWorkAgent agent, CallbackCrypto crypto, CallbackDispatcher dispatcher,
			CallbackDeduplicator deduplicator, Executor executor, Settings settings, Clock clock) {
		this(agent, crypto, dispatcher, deduplicator, new ExecutorHandOff(executor), settings, clock);
	}

	/**
	 * The endpoint of one app.
	 * @param agent the app, passed to handlers that take it
	 * @param crypto the app's callback crypto
	 * @param dispatcher the app's handlers
	 * @param deduplicator where handled callbacks are remembered
	 * @param handOff where callbacks for async handlers go before they run; registered with this endpoint here
	 * @param settings limits and the deduplication key prefix
	 * @param clock the clock for freshness checks and reply timestamps
	 */
	public CallbackEndpoint(WxWorkAgent agent, CallbackCrypto crypto, CallbackDispatcher dispatcher,
			CallbackDeduplicator deduplicator, CallbackHandOff handOff, Settings settings, Clock clock) {
		this.agentName = agent.name();
		this.agent = agent;
		this.crypto = crypto;
		this.dispatcher = dispatcher;
		this.deduplicator = deduplicator;
		this.handOff = handOff;
		this.settings = settings;
		this.clock = clock;
		this.deduplicationKeyPrefix = settings.redisKeyPrefix() + ":callback:" + agent.corpId() + ":" + this.agentName + ":";
		this.gate = new SignedRequestGate(crypto, settings.timestampTolerance(), settings.maxBodySize(), clock);
		if (dispatcher.hasAsyncHandlers()) {
			// an app without async handlers costs the hand-off nothing (with Redis: no consumers polling)
			handOff.register(this);
		}
	}

	/** The corp id the app belongs to. */
	public String corpId() {
		return this.agent.corpId();
	}

	/** The app's name under {@code wxwork.agents}. */
	public String agentName() {
		return this.agentName;
	}

	/** The largest body accepted, in bytes. */
	@Override
	public int maxBodySize() {
		return this.settings.maxBodySize();
	}

	/** Answers WeCom's URL verification (GET): the decrypted echostr alone. */
	@Override
	public CallbackResponse verify(String signature, String timestamp, String nonce, String echostr) {
		SignedRequestGate.Opened<byte[]> echo = this.gate.openEcho(signature, timestamp, nonce, echostr);
		return echo.isRefused() ? reject(echo.refusal()) : CallbackResponse.echo(echo.value());
	}

	/** Receives a POSTed callback: the sealed reply, an empty 200, or a refusal. */
	@Override
	public CallbackResponse receive(String signature, String timestamp, String nonce, byte[] body) {
		SignedRequestGate.Opened<CallbackMessage> opened = this.gate.openCallback(signature, timestamp, nonce, body,
				(crypto, s, t, n, b) -> CallbackMessage.parse(crypto.openCallback(s, t, n, b)));
		if (opened.isRefused()) {
			return reject(opened.refusal());
		}
		CallbackMessage message = opened.value();
		CallbackHandlerMethod handler = this.dispatcher.find(message);
		if (message.bindingProblem() != null) {
			logger.warn("A callback to app '" + this.agentName + "' (" + message + ") did not bind to "
					+ message.bindingProblem() + "; only handlers that take CallbackMessage can receive it");
			if (handler == null) {
				return unbound(message);
			}
		}
		if (handler == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("No handler of app '" + this.agentName + "' takes " + message);
			}
			return CallbackResponse.ACKNOWLEDGED;
		}
		String deduplicationKey = this.deduplicationKeyPrefix + message.identity();
		if (handler.isAsync()) {
			return this.deduplicator.tryStart(deduplicationKey)
					? handOver(message, deduplicationKey, new SealedCallback(signature, timestamp, nonce, body))
					: awaitFirstDelivery(message, deduplicationKey, null);
		}
		CompletableFuture<CallbackResponse> outcome = new CompletableFuture<>();
		CompletableFuture<CallbackResponse> first = this.running.putIfAbsent(deduplicationKey, outcome);
		if (first != null) {
			return awaitFirstDelivery(message, deduplicationKey, first);
		}
		CallbackResponse response = CallbackResponse.FAILED;
		try {
			response = this.deduplicator.tryStart(deduplicationKey) ? handle(handler, message, deduplicationKey)
					: awaitFirstDelivery(message, deduplicationKey, null);
		}
		finally {
			this.running.remove(deduplicationKey, outcome);
			outcome.complete(response);
		}
		return response;
	}

	/**
	 * A callback that did not bind and that no handler takes goes to the application's error handler with
	 * the raw message; without one it is logged at ERROR and counted as unhandled. Either way WeCom gets a
	 * 200: its retries would not bind either. Only an error handler that throws gets WeCom to retry.
	 */
	private CallbackResponse unbound(CallbackMessage message) {
		CallbackErrorHandler errorHandler = this.dispatcher.errorHandler();
		CallbackBindingException problem = new CallbackBindingException("the callback did not bind to "
				+ message.bindingProblem() + " and no handler of app '" + this.agentName + "' takes it");
		if (errorHandler == null) {
			logger.error("Callback " + message + " to app '" + this.agentName + "' did not bind to "
					+ message.bindingProblem() + ", and no handler takes it: add an @OnOtherCallbacks handler (it gets "
					+ "the raw CallbackMessage) or a CallbackErrorHandler bean; acknowledged, since WeCom's retries "
					+ "would not bind either");
			return CallbackResponse.UNHANDLED;
		}
		try {
			errorHandler.handle(new FailedCallback(this.agentName, message.identity(), message, 0, problem, null));
			return CallbackResponse.ACKNOWLEDGED;
		}
		catch (Throwable ex) {
			logger.error("The CallbackErrorHandler failed for " + message + " of app '" + this.agentName
					+ "', which did not bind; answering 500 so that WeCom retries it", ex);
			return CallbackResponse.FAILED;
		}
	}

	/**
	 * Answers WeCom's retry of a callback that is marked already: 200 only once the first delivery
	 * succeeded (with its reply, when it ran in this JVM). While the first delivery is running, the retry
	 * waits for it, at most {@link Settings#retryWait()} (within WeCom's 5 seconds), polling the mark when
	 * the first delivery runs on another instance; a retry whose first delivery failed or is still running
	 * is answered 503, so that WeCom retries once more and no message is acknowledged for nothing.
	 * @param first the outcome of the first delivery when it runs in this JVM, else null
	 */
	private CallbackResponse awaitFirstDelivery(CallbackMessage message, String deduplicationKey,
			CompletableFuture<CallbackResponse> first) {
		long deadline = System.nanoTime() + this.settings.retryWait().toNanos();
		try {
			if (first != null) {
				CallbackResponse outcome = first.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (outcome.status() == 200) {
					logRetry(message, "answering the first delivery's answer");
					return outcome;
				}
				return retryLater(message, "its first delivery failed");
			}
			while (true) {
				switch (this.deduplicator.progress(deduplicationKey)) {
					case DONE -> {
						logRetry(message, "its first delivery succeeded");
						return CallbackResponse.ACKNOWLEDGED;
					}
					case NONE -> {
						return retryLater(message, "its first delivery failed");
					}
					case IN_PROGRESS -> {
						long left = deadline - System.nanoTime();
						if (left <= 0) {
							return retryLater(message, "its first delivery is still running after " + this.settings.retryWait());
						}
						Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, RETRY_POLL_MILLIS));
					}
				}
			}
		}
		catch (TimeoutException ex) {
			return retryLater(message, "its first delivery is still running after " + this.settings.retryWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return retryLater(message, "this server is stopping");
		}
		catch (ExecutionException ex) {
			return retryLater(message, "its first delivery failed");
		}
	}

	private void logRetry(CallbackMessage message, String answer) {
		if (logger.isDebugEnabled()) {
			logger.debug("WeCom retried " + message + " to app '" + this.agentName + "'; " + answer);
		}
	}

	private CallbackResponse retryLater(CallbackMessage message, String why) {
		logger.info("WeCom retried " + message + " to app '" + this.agentName + "', but " + why
				+ "; answering 503 so that WeCom tries again");
		return CallbackResponse.BUSY;
	}

	private CallbackResponse handle(CallbackHandlerMethod handler, CallbackMessage message, String deduplicationKey) {
		CallbackResponse response = CallbackResponse.FAILED;
		try {
			response = run(handler, message);
		}
		finally {
			// marked done only after the handler and its reply succeeded; settled before a waiting retry hears it
			if (response.status() == 200) {
				this.deduplicator.complete(deduplicationKey);
			}
			else {
				this.deduplicator.release(deduplicationKey);
			}
		}
		return response;
	}

	private CallbackResponse run(CallbackHandlerMethod handler, CallbackMessage message) {
		Reply reply;
		try {
			reply = handler.invoke(message, this.agent);
		}
		catch (Throwable ex) {
			// the mark is released and WeCom gets no 200, so that its next retry runs the handler again
			logger.error("Callback handler " + handler + " of app '" + this.agentName + "' failed for " + message
					+ "; answering 500 so that WeCom's next retry runs it again", ex);
			return CallbackResponse.FAILED;
		}
		if (reply == null) {
			return CallbackResponse.ACKNOWLEDGED;
		}
		try {
			String corp = (message.toUserName() != null) ? message.toUserName() : this.agent.corpId();
			String xml = reply.toXml(message.fromUserName(), corp, this.clock.millis() / 1000);
			return CallbackResponse.reply(this.crypto.seal(xml).replyXml());
		}
		catch (RuntimeException ex) {
			// a reply that cannot be written is the handler's failure: left to escape, it became the
			// container's error page, and the kept mark made WeCom's retries vanish as duplicates
			logger.error("The reply of callback handler " + handler + " of app '" + this.agentName + "' to " + message
					+ " could not be written; answering 500 so that WeCom's next retry runs it again", ex);
			return CallbackResponse.FAILED;
		}
	}

	private CallbackResponse handOver(CallbackMessage message, String deduplicationKey, SealedCallback sealed) {
		if (this.handOff.offer(this, sealed, message)) {
			// stored (or queued): from WeCom's side the callback is done
			this.deduplicator.complete(deduplicationKey);
			return CallbackResponse.ACKNOWLEDGED;
		}
		// not taken (a full queue, shutdown, or a store that failed): WeCom retries what it got no 200 for
		this.deduplicator.release(deduplicationKey);
		logger.warn("The async callback hand-off did not take " + message + " of app '" + this.agentName
				+ "'; answering 503 so that WeCom retries it");
		return CallbackResponse.BUSY;
	}

	/**
	 * Opens a callback that a hand-off stored: its signature is checked again and it is decrypted, but its
	 * timestamp is not held against the clock (it was fresh when it arrived).
	 * @throws CallbackCryptoException when it does not verify or decrypt with this app's Token and key
	 */
	CallbackMessage openStored(SealedCallback sealed) {
		return CallbackMessage.parse(this.crypto.openCallback(sealed.signature(), sealed.timestamp(), sealed.nonce(),
				sealed.body()));
	}

	/** Runs the handler of an acknowledged callback; a reply, if any, is dropped (WeCom has its answer). */
	void runAsyncHandler(CallbackMessage message) throws Throwable {
		CallbackHandlerMethod handler = this.dispatcher.find(message);
		if (handler == null) {
			logger.warn("No handler of app '" + this.agentName + "' takes the stored " + message + " any more; dropping it");
			return;
		}
		handler.invoke(message, this.agent);
	}

	/** Runs async handlers on an executor, once each, in this process: the hand-off of tests and benchmarks. */
	private static final class ExecutorHandOff implements CallbackHandOff {

		private final Executor executor;

		ExecutorHandOff(Executor executor) {
			this.executor = executor;
		}

		@Override
		public void register(CallbackEndpoint endpoint) {
		}

		@Override
		public boolean offer(CallbackEndpoint endpoint, SealedCallback sealed, CallbackMessage message) {
			try {
				this.executor.execute(() -> {
					try {
						endpoint.runAsyncHandler(message);
					}
					catch (Throwable ex) {
						logger.error("Async callback handler of app '" + endpoint.agentName() + "' failed for " + message
								+ "; it was acknowledged already, so WeCom will not retry it", ex);
					}
				});
				return true;
			}
			catch (RejectedExecutionException ex) {
				return false;
			}
		}

	}

	/** Refuses a callback: logs why (never a secret) and answers the one uniform refusal. */
	@Override
	public CallbackResponse reject(String reason) {
		logger.warn("Refused a callback to app '" + this.agentName + "': " + reason);
		return CallbackResponse.REJECTED;
	}

	@Override
	public String toString() {
		return "CallbackEndpoint[app=" + this.agentName + ", " + this.dispatcher + "]";
	}

	/**
	 * Limits of an endpoint.
	 *
	 * @param timestampTolerance how far a callback's timestamp may be from this server's clock
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param redisKeyPrefix the prefix of deduplication keys ({@code wxwork.redis-key-prefix})
	 * @param retryWait how long a retry of a callback still being handled waits for the first delivery's
	 * outcome before it is answered 503 (WeCom gives up on an answer after 5 seconds)
	 */
	public record Settings(Duration timestampTolerance, int maxBodySize, String redisKeyPrefix, Duration retryWait) {

		/** The default of {@code wxwork.callback.retry-wait}. */
		public static final Duration DEFAULT_RETRY_WAIT = Duration.ofSeconds(3);

		public Settings {
			SignedRequestGate.checkMaxBodySize(maxBodySize);
			if (retryWait.isNegative() || retryWait.compareTo(Duration.ofSeconds(5)) >= 0) {
				throw new IllegalArgumentException("wxwork.callback.retry-wait must be at least 0 and less than WeCom's "
						+ "5 seconds, not " + retryWait);
			}
		}

		public Settings(Duration timestampTolerance, int maxBodySize, String redisKeyPrefix) {
			this(timestampTolerance, maxBodySize, redisKeyPrefix, DEFAULT_RETRY_WAIT);
		}

	}

}

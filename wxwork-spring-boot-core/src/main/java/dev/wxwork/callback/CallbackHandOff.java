package dev.wxwork.callback;

/**
 * Where a callback for an async handler goes between WeCom's acknowledgement and the handler's run.
 * WeCom is answered 200 only once {@link #offer} said the callback is taken; otherwise it is answered
 * 503 and retries. {@link RedisStreamCallbackHandOff} stores it durably in a Redis Stream;
 * {@link MemoryCallbackHandOff} queues it in this process (lost on a crash).
 */
public interface CallbackHandOff {

	/**
	 * The {@link org.springframework.context.SmartLifecycle} phase of hand-offs that run handlers: they stop
	 * before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and the Redis connection
	 * factory (phase 0), so that a handler still finds them working.
	 */
	int PHASE = org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 512;

	/** Makes an app's endpoint known before any callback is offered for it; once per app, at startup. */
	void register(CallbackEndpoint endpoint);

	/**
	 * Takes a verified, decrypted callback whose handler is async.
	 * @param endpoint the app's endpoint, which runs the handler later
	 * @param sealed the callback as WeCom sealed it
	 * @param message the callback, already verified and decrypted
	 * @return true once the callback is taken (and WeCom may be acknowledged), false when it cannot be now
	 */
	boolean offer(CallbackEndpoint endpoint, SealedCallback sealed, CallbackMessage message);

}

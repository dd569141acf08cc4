package dev.wxwork.callback;

/**
 * Remembers which callbacks are being or have been handled, so that WeCom's retries of a callback
 * (it retries three times when it gets no 200 within 5 seconds) run no handler a second time.
 */
public interface CallbackDeduplicator {

	/**
	 * Marks the callback as taken; false when it already is (a retry, possibly while the first delivery
	 * is still being handled). An implementation that cannot tell answers true: a lost message is worse
	 * than a duplicate.
	 */
	boolean tryStart(String key);

	/** Forgets the mark after a failed handler, so that WeCom's next retry runs it again. */
	void release(String key);

}

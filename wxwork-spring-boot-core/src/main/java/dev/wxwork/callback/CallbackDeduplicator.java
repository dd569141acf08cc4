package dev.wxwork.callback;

/**
 * Remembers which callbacks are being or have been handled, so that WeCom's retries of a callback
 * (it retries three times when it gets no 200 within 5 seconds) run no handler a second time.
 * <p>
 * A mark has two states: <em>in progress</em> from {@link #tryStart} until the handler finished, and
 * <em>done</em> after {@link #complete}, for the deduplication window. A retry that finds its callback
 * in progress is never answered 200 for it: the first run may still fail.
 */
public interface CallbackDeduplicator {

	/**
	 * Marks the callback as in progress; false when it is already marked (in progress or done). An
	 * implementation that cannot tell answers true: a lost message is worse than a duplicate.
	 */
	boolean tryStart(String key);

	/** Marks the callback done, after its handler succeeded: retries within the window are answered 200. */
	void complete(String key);

	/** Forgets the mark after a failed handler, so that WeCom's next retry runs it again. */
	void release(String key);

	/** The state of a callback's mark, for a retry that found it taken. */
	Progress progress(String key);

	/** The state of a callback's mark. */
	enum Progress {

		/** Not marked (never seen, released after a failure, or expired). */
		NONE,

		/** A handler is running it, here or on another instance. */
		IN_PROGRESS,

		/** Its handler succeeded. */
		DONE

	}

}

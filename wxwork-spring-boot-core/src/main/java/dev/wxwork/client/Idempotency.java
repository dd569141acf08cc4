package dev.wxwork.client;

/**
 * Whether repeating a WeCom call is harmless, which decides whether the client may retry it after
 * WeCom answered -1 ("system busy": the request may or may not have taken effect). Every
 * {@code @HttpExchange} method of the library declares it with {@link WeComCall}.
 */
public enum Idempotency {

	/** Repeating the call changes nothing more than the first did (reads, updates to given values): -1 is retried. */
	IDEMPOTENT,

	/** Repeating the call may do it twice (creates, adds, deletes, sends without deduplication): -1 is never retried. */
	NOT_IDEMPOTENT,

	/**
	 * A message send that WeCom deduplicates: the client sets {@code enable_duplicate_check: 1} and a
	 * {@code duplicate_check_interval} unless the caller set them, and retries -1 only when the request
	 * carries {@code enable_duplicate_check: 1}, so that WeCom drops a repeat of a send it had accepted.
	 */
	DUPLICATE_CHECKED

}

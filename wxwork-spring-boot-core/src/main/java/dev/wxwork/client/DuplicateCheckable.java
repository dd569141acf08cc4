package dev.wxwork.client;

/**
 * A request body of a {@link Idempotency#DUPLICATE_CHECKED} call that turns WeCom's duplicate check on
 * by itself, so that {@link IdempotencyProcessor} need not make a JSON tree of it on every send. Its
 * {@code enable_duplicate_check} and {@code duplicate_check_interval} must be these two values.
 */
public interface DuplicateCheckable {

	/** {@code enable_duplicate_check} as the caller set it, or null when the caller left it out. */
	Integer enableDuplicateCheck();

	/**
	 * The same body with {@code enable_duplicate_check} 1, and {@code duplicate_check_interval} set to
	 * {@code intervalSeconds} unless the caller set one.
	 */
	Object withDuplicateCheck(long intervalSeconds);

}

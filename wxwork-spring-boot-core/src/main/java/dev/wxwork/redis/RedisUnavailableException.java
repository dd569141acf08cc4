package dev.wxwork.redis;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A Redis command was not run or did not answer in time: Redis failed, did not answer within the command
 * timeout, or is being bypassed after such a failure. Callers fall back to process memory. The message
 * names the operation and the cause, never a key's value.
 */
public class RedisUnavailableException extends DataAccessResourceFailureException {

	private final boolean bypassed;

	public RedisUnavailableException(String message, Throwable cause, boolean bypassed) {
		super(message, cause);
		this.bypassed = bypassed;
	}

	/** Whether the command was not sent at all because Redis is being bypassed after a failure. */
	public boolean isBypassed() {
		return this.bypassed;
	}

}

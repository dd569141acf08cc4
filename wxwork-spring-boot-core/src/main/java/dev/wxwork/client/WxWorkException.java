package dev.wxwork.client;

/**
 * Root of the exceptions this library throws. Each says whether the request that failed may have
 * taken effect at WeCom ({@link #mayHaveTakenEffect()}), so that a caller knows whether sending it
 * again could do it twice.
 */
public class WxWorkException extends RuntimeException {

	private final boolean mayHaveTakenEffect;

	public WxWorkException(String message) {
		this(message, null, false);
	}

	public WxWorkException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * @param mayHaveTakenEffect whether WeCom may have carried the request out although it failed
	 */
	public WxWorkException(String message, Throwable cause, boolean mayHaveTakenEffect) {
		super(message, cause);
		this.mayHaveTakenEffect = mayHaveTakenEffect;
	}

	/**
	 * Whether the failed request may have taken effect at WeCom: true after -1 ("system busy") or when
	 * the connection failed after the request was sent (a read timeout), false when WeCom refused the
	 * request before running it (a rate limit, an invalid token, a rejected parameter) or it never left.
	 * When true, repeat a write only if doing it twice is harmless.
	 */
	public boolean mayHaveTakenEffect() {
		return this.mayHaveTakenEffect;
	}

	static String effect(boolean mayHaveTakenEffect) {
		return mayHaveTakenEffect ? "the request may have taken effect" : "the request did not take effect";
	}

}

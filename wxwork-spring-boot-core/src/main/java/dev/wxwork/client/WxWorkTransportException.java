package dev.wxwork.client;

/**
 * WeCom could not be reached, or answered with something other than a WeCom answer (an HTTP error
 * status from a gateway, a body that is not JSON). The message names the API path, never the URL with
 * its access token, and says whether the request may have taken effect.
 */
public class WxWorkTransportException extends WxWorkException {

	/** A failure after the request may have reached WeCom (a read timeout, an answer that is no WeCom answer). */
	public WxWorkTransportException(String message, Throwable cause) {
		this(message, cause, true);
	}

	/**
	 * @param mayHaveTakenEffect false only when the request certainly never reached WeCom (the
	 * connection could not be opened)
	 */
	public WxWorkTransportException(String message, Throwable cause, boolean mayHaveTakenEffect) {
		super(message + " (" + effect(mayHaveTakenEffect) + ")", cause, mayHaveTakenEffect);
	}

}

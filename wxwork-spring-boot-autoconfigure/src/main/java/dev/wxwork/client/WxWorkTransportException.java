package dev.wxwork.client;

/**
 * WeCom could not be reached, or answered with something other than a WeCom answer (an HTTP error
 * status from a gateway, a body that is not JSON). The message names the API path, never the URL with
 * its access token.
 */
public class WxWorkTransportException extends WxWorkException {

	public WxWorkTransportException(String message, Throwable cause) {
		super(message, cause);
	}

}

package dev.wxwork.client;

/** Root of the exceptions this library throws. */
public class WxWorkException extends RuntimeException {

	public WxWorkException(String message) {
		super(message);
	}

	public WxWorkException(String message, Throwable cause) {
		super(message, cause);
	}

}

package dev.wxwork.autoconfigure;

/**
 * Thrown at startup by {@code WxWorkBootVersionCheck} (one per Boot line) on a Spring Boot version the
 * starter does not support. Its one-line message says all, so it carries no stack trace.
 */
public class UnsupportedBootVersionException extends WxWorkConfigurationException {

	public UnsupportedBootVersionException(String message) {
		super(message);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}

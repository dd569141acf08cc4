package dev.wxwork.callback;

/**
 * A callback of a type this library knows whose elements did not bind to its typed record (a number
 * that is none, say). It names the record and the element path, never the value.
 */
public class CallbackBindingException extends RuntimeException {

	public CallbackBindingException(String message) {
		super(message);
	}

}

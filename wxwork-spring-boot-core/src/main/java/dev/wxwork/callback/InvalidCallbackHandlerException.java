package dev.wxwork.callback;

/** A {@link WxWorkCallback @WxWorkCallback} class cannot work as written; the message names the method. */
public class InvalidCallbackHandlerException extends IllegalStateException {

	public InvalidCallbackHandlerException(String message) {
		super(message);
	}

}

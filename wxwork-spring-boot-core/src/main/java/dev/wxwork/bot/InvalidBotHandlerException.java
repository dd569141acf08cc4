package dev.wxwork.bot;

/** A {@link WxWorkBot @WxWorkBot} handler or bot that cannot work; thrown at startup, naming the method or property. */
public class InvalidBotHandlerException extends IllegalStateException {

	public InvalidBotHandlerException(String message) {
		super(message);
	}

}

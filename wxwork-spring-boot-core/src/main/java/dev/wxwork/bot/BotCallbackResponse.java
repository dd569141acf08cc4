package dev.wxwork.bot;

import java.nio.charset.StandardCharsets;

import dev.wxwork.callback.support.CallbackAnswer;

/** What a bot's callback endpoint answers WeCom: a status and a body (the echo, a sealed JSON reply, or nothing). */
public final class BotCallbackResponse extends CallbackAnswer {

	/** Every refused callback gets this same answer, so that a prober learns nothing from it. */
	public static final BotCallbackResponse REJECTED = new BotCallbackResponse(400, TEXT, REFUSAL);

	/** Received, no reply. */
	public static final BotCallbackResponse ACKNOWLEDGED = new BotCallbackResponse(200, null, new byte[0]);

	private BotCallbackResponse(int status, String contentType, byte[] body) {
		super(status, contentType, body);
	}

	static BotCallbackResponse echo(byte[] plaintext) {
		return new BotCallbackResponse(200, TEXT, plaintext);
	}

	static BotCallbackResponse reply(String sealedJson) {
		return new BotCallbackResponse(200, "application/json;charset=UTF-8", sealedJson.getBytes(StandardCharsets.UTF_8));
	}

}

package dev.wxwork.bot;

import java.nio.charset.StandardCharsets;

/** What a bot's callback endpoint answers WeCom: a status and a body (the echo, a sealed JSON reply, or nothing). */
public final class BotCallbackResponse {

	private static final String TEXT = "text/plain;charset=UTF-8";

	/** Every refused callback gets this same answer, so that a prober learns nothing from it. */
	public static final BotCallbackResponse REJECTED = new BotCallbackResponse(400, TEXT,
			"invalid callback".getBytes(StandardCharsets.US_ASCII));

	/** Received, no reply. */
	public static final BotCallbackResponse ACKNOWLEDGED = new BotCallbackResponse(200, null, new byte[0]);

	private final int status;

	private final String contentType;

	private final byte[] body;

	private BotCallbackResponse(int status, String contentType, byte[] body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	static BotCallbackResponse echo(byte[] plaintext) {
		return new BotCallbackResponse(200, TEXT, plaintext);
	}

	static BotCallbackResponse reply(String sealedJson) {
		return new BotCallbackResponse(200, "application/json;charset=UTF-8", sealedJson.getBytes(StandardCharsets.UTF_8));
	}

	/** The HTTP status. */
	public int status() {
		return this.status;
	}

	/** What happened, for metrics: rejected, acknowledged or replied. */
	public String outcome() {
		return (this.status == 400) ? "rejected" : (this.body.length > 0) ? "replied" : "acknowledged";
	}

	/** The Content-Type, or null without a body. */
	public String contentType() {
		return this.contentType;
	}

	/** The body as text. */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	byte[] body() {
		return this.body;
	}

	@Override
	public String toString() {
		return "BotCallbackResponse[" + this.status + ", " + this.body.length + " bytes]";
	}

}

package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;

/** What the endpoint answers WeCom: a status, and a body (the echo, a sealed reply, or nothing). */
public final class CallbackResponse {

	private static final String TEXT = "text/plain;charset=UTF-8";

	private static final byte[] EMPTY = new byte[0];

	/** Every refused callback gets this same answer, so that a prober learns nothing from it. */
	public static final CallbackResponse REJECTED = new CallbackResponse(400, TEXT,
			"invalid callback".getBytes(StandardCharsets.US_ASCII));

	/** Received, no reply. */
	public static final CallbackResponse ACKNOWLEDGED = new CallbackResponse(200, null, EMPTY);

	/**
	 * Received, but no handler took it: it did not bind to its typed record, and neither an
	 * {@code @OnOtherCallbacks} handler nor an application's {@link CallbackErrorHandler} exists. A 200,
	 * since WeCom's retries would not bind either; counted apart so that it is never taken for handled.
	 */
	public static final CallbackResponse UNHANDLED = new CallbackResponse(200, null, EMPTY, "unhandled");

	/** The handler failed: no 200, so that WeCom retries; nothing about the failure is told. */
	public static final CallbackResponse FAILED = new CallbackResponse(500, null, EMPTY);

	/** The async executor is full: no 200, so that WeCom retries later. */
	public static final CallbackResponse BUSY = new CallbackResponse(503, null, EMPTY);

	private final int status;

	private final String contentType;

	private final byte[] body;

	private final String outcome;

	private CallbackResponse(int status, String contentType, byte[] body) {
		this(status, contentType, body, null);
	}

	private CallbackResponse(int status, String contentType, byte[] body, String outcome) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
		this.outcome = outcome;
	}

	static CallbackResponse echo(byte[] plaintext) {
		return new CallbackResponse(200, TEXT, plaintext);
	}

	static CallbackResponse reply(String sealedXml) {
		return new CallbackResponse(200, "application/xml;charset=UTF-8", sealedXml.getBytes(StandardCharsets.UTF_8));
	}

	/** The HTTP status. */
	public int status() {
		return this.status;
	}

	/** What happened, for metrics: rejected, acknowledged, replied (a body), unhandled, failed or busy. */
	public String outcome() {
		if (this.outcome != null) {
			return this.outcome;
		}
		return switch (this.status) {
			case 400 -> "rejected";
			case 500 -> "failed";
			case 503 -> "busy";
			default -> (this.body.length > 0) ? "replied" : "acknowledged";
		};
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
		return "CallbackResponse[" + this.status + ", " + this.body.length + " bytes]";
	}

}

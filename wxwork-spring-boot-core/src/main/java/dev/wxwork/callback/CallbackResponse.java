package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;

import dev.wxwork.callback.support.CallbackAnswer;

/** What the endpoint answers WeCom: a status, and a body (the echo, a sealed reply, or nothing). */
public final class CallbackResponse extends CallbackAnswer {

	private static final byte[] EMPTY = new byte[0];

	/** Every refused callback gets this same answer, so that a prober learns nothing from it. */
	public static final CallbackResponse REJECTED = new CallbackResponse(400, TEXT, REFUSAL);

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

	private final String outcome;

	private CallbackResponse(int status, String contentType, byte[] body) {
		this(status, contentType, body, null);
	}

	private CallbackResponse(int status, String contentType, byte[] body, String outcome) {
		super(status, contentType, body);
		this.outcome = outcome;
	}

	static CallbackResponse echo(byte[] plaintext) {
		return new CallbackResponse(200, TEXT, plaintext);
	}

	static CallbackResponse reply(String sealedXml) {
		return new CallbackResponse(200, "application/xml;charset=UTF-8", sealedXml.getBytes(StandardCharsets.UTF_8));
	}

	/** What happened, for metrics: rejected, acknowledged, replied (a body), unhandled, failed or busy. */
	@Override
	public String outcome() {
		if (this.outcome != null) {
			return this.outcome;
		}
		return switch (status()) {
			case 400 -> "rejected";
			case 500 -> "failed";
			case 503 -> "busy";
			default -> super.outcome();
		};
	}

}

package dev.wxwork.callback.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** What a callback endpoint answers WeCom: a status, and a body (the echo, a sealed reply, or nothing). */
public abstract class CallbackAnswer {

	/** The Content-Type of the echo and of the uniform refusal. */
	protected static final String TEXT = "text/plain;charset=UTF-8";

	/** The body of every refused callback, so that a prober learns nothing from it. */
	protected static final byte[] REFUSAL = "invalid callback".getBytes(StandardCharsets.US_ASCII);

	private final int status;

	private final String contentType;

	private final byte[] body;

	protected CallbackAnswer(int status, String contentType, byte[] body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	/** The HTTP status. */
	public int status() {
		return this.status;
	}

	/** What happened, for metrics: rejected, acknowledged or replied (a body). */
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

	/** The body, as written to the response (not copied). */
	protected byte[] body() {
		return this.body;
	}

	/** Writes this answer to a servlet response. */
	final void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(this.status);
		if (this.contentType != null) {
			response.setContentType(this.contentType);
		}
		response.setContentLength(this.body.length);
		if (this.body.length > 0) {
			response.getOutputStream().write(this.body);
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.status + ", " + this.body.length + " bytes]";
	}

}

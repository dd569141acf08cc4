package dev.wxwork.webhook;

import java.time.Duration;

/**
 * A group robot may not post now: WeCom answered 45009 (more than 20 messages a minute for this robot),
 * or the client-side limit ({@code wxwork.webhook-limit}) refused the message before it was sent.
 * Either way nothing was posted. Both carry errcode 45009, so code that branches on the errcode treats
 * them alike.
 */
public class WebhookRateLimitException extends WxWorkWebhookException {

	private final boolean clientSide;

	private final Duration retryAfter;

	WebhookRateLimitException(String webhook, String errmsg, String path, boolean clientSide, Duration retryAfter) {
		super(webhook, RATE_LIMITED, errmsg, path);
		this.clientSide = clientSide;
		this.retryAfter = retryAfter;
	}

	static WebhookRateLimitException fromWeCom(String webhook, String errmsg, String path) {
		return new WebhookRateLimitException(webhook, errmsg, path, false, null);
	}

	static WebhookRateLimitException clientSide(String webhook, Duration retryAfter) {
		return new WebhookRateLimitException(webhook, "client-side limit reached (wxwork.webhook-limit); the next "
				+ "message is allowed in " + retryAfter.toMillis() + " ms",
				WebhookAddress.SEND_PATH, true, retryAfter);
	}

	/** True when the client-side limit refused the message, so that WeCom was not asked at all. */
	public boolean isClientSide() {
		return this.clientSide;
	}

	/** How long until the client-side limit lets the next message through; null when WeCom refused. */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}

package dev.wxwork.webhook;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkErrorKind;

/**
 * WeCom refused a group robot's request with a non-zero {@code errcode}, so nothing was posted. Names
 * the robot (its configured name), never its key.
 */
public class WxWorkWebhookException extends WxWorkApiException {

	/** WeCom's answer to an unknown key, or to a robot removed from its group. */
	public static final int INVALID_WEBHOOK_URL = 93000;

	/** WeCom's answer beyond 20 messages a minute per robot. */
	public static final int RATE_LIMITED = 45009;

	/** WeCom's answer to content over its length limit ("markdown.content exceed max length 4096"). */
	public static final int CONTENT_TOO_LONG = 40058;

	private final String webhook;

	public WxWorkWebhookException(String webhook, int errcode, String errmsg, String path) {
		super(errcode, errmsg, path);
		this.webhook = webhook;
	}

	/** The robot's name under {@code wxwork.webhooks}. */
	public String getWebhook() {
		return this.webhook;
	}

	@Override
	public WxWorkErrorKind getKind() {
		// an unknown key is fixed in the configuration, not by retrying
		return (getErrcode() == INVALID_WEBHOOK_URL) ? WxWorkErrorKind.CONFIGURATION : super.getKind();
	}

	@Override
	public String getMessage() {
		String hint = switch (getErrcode()) {
			case INVALID_WEBHOOK_URL -> "the key is wrong, or the robot was removed from its group: check wxwork.webhooks."
					+ this.webhook;
			case RATE_LIMITED -> "more than 20 messages a minute for this robot; send again later";
			case CONTENT_TOO_LONG -> "a field is longer than WeCom allows";
			default -> null;
		};
		String errmsg = (getErrmsg() != null && getErrmsg().length() > 300) ? getErrmsg().substring(0, 300) + "…"
				: getErrmsg();
		return "WeCom error " + getErrcode() + " from webhook '" + this.webhook + "' (" + getPath() + "): " + errmsg
				+ ((hint != null) ? " (" + hint + ")" : "") + "; nothing was posted";
	}

}

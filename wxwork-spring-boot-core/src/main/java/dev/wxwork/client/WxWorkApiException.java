package dev.wxwork.client;

/**
 * WeCom answered a call with a non-zero {@code errcode}. Carries the code, WeCom's message and the API
 * path, and whether the request may have taken effect (after -1, WeCom does not say); never the access
 * token or a secret.
 */
public class WxWorkApiException extends WxWorkException {

	private final int errcode;

	private final String errmsg;

	private final String path;

	public WxWorkApiException(int errcode, String errmsg, String path) {
		this(errcode, errmsg, path, errcode == -1);
	}

	/**
	 * @param mayHaveTakenEffect whether the request may have taken effect: true after -1, and after any
	 * answer to a retry whose earlier attempt may have taken effect
	 */
	public WxWorkApiException(int errcode, String errmsg, String path, boolean mayHaveTakenEffect) {
		super(describe(errcode, errmsg, path, mayHaveTakenEffect), null, mayHaveTakenEffect);
		this.errcode = errcode;
		this.errmsg = errmsg;
		this.path = path;
	}

	/** WeCom's error code (doc 90313); branch on this, never on the message. */
	public int getErrcode() {
		return this.errcode;
	}

	/** WeCom's error message, as sent. */
	public String getErrmsg() {
		return this.errmsg;
	}

	/** The API path that failed, such as {@code /cgi-bin/user/get}; null when not known. */
	public String getPath() {
		return this.path;
	}

	/** The kind of failure, which tells whether a retry can help. */
	public WxWorkErrorKind getKind() {
		return WxWorkErrorKind.of(this.errcode);
	}

	/** A copy of this exception naming the path that failed. */
	public WxWorkApiException withPath(String path) {
		return copy(path, mayHaveTakenEffect());
	}

	/** A copy of this exception naming the path that failed and whether the request may have taken effect. */
	public WxWorkApiException with(String path, boolean mayHaveTakenEffect) {
		return copy(path, mayHaveTakenEffect);
	}

	private WxWorkApiException copy(String path, boolean mayHaveTakenEffect) {
		WxWorkApiException copy = new WxWorkApiException(this.errcode, this.errmsg, path, mayHaveTakenEffect);
		copy.setStackTrace(getStackTrace());
		return copy;
	}

	private static String describe(int errcode, String errmsg, String path, boolean mayHaveTakenEffect) {
		StringBuilder text = new StringBuilder("WeCom error ").append(errcode);
		if (path != null) {
			text.append(" from ").append(path);
		}
		text.append(": ").append(sanitize(errmsg));
		String hint = WxWorkErrorKind.of(errcode).hint(errcode);
		if (hint != null) {
			text.append(" (").append(hint).append(')');
		}
		return text.append("; ").append(effect(mayHaveTakenEffect)).toString();
	}

	// WeCom's errmsg may echo request parameters back ("..., hint: [xxx], from ip: ..., more info at ...").
	// It never contains the access token itself, but cap its length so that a log line stays a line.
	private static String sanitize(String errmsg) {
		if (errmsg == null) {
			return "";
		}
		return (errmsg.length() > 300) ? errmsg.substring(0, 300) + "…" : errmsg;
	}

}

package dev.wxwork.client;

/**
 * What a WeCom {@code errcode} means for the caller (doc 90313, {@code PROTOCOL.md}).
 */
public enum WxWorkErrorKind {

	/** The access token was rejected (40014, 42001): drop it, fetch a new one, retry once. */
	INVALID_TOKEN,

	/**
	 * System busy (-1) or a rate limit (45009, 45033): a later attempt may succeed. The client retries -1
	 * only for calls whose repetition is harmless, 45033 with backoff, and 45009 not at all.
	 */
	RETRYABLE,

	/** The corp id or a secret is wrong, or the caller's IP is not trusted: fix the configuration. */
	CONFIGURATION,

	/** The app or member lacks permission: fix it in the admin console. */
	PERMISSION,

	/** Anything else: the request itself was refused. */
	REQUEST;

	public static WxWorkErrorKind of(int errcode) {
		return switch (errcode) {
			case 40014, 42001 -> INVALID_TOKEN;
			case -1, 45009, 45033 -> RETRYABLE;
			case 40001, 40013, 60020, 40056 -> CONFIGURATION;
			case 48002, 60011, 301002 -> PERMISSION;
			default -> REQUEST;
		};
	}

	String hint(int errcode) {
		return switch (errcode) {
			case 40001 -> "check the app's secret (wxwork.agents.<name>.secret); it may have been reset";
			case 40013 -> "check wxwork.corp-id";
			case 40014, 42001 -> "the access token was rejected; it was refreshed and the call retried once";
			case 41001 -> "no access_token was sent: a bug in the caller";
			case -1 -> "WeCom is busy; retried with backoff only where repeating the call is harmless";
			case 45009 -> "API call frequency exceeded; WeCom's quotas are per minute and per hour, so it was not "
					+ "retried: try again later";
			case 45033 -> "concurrent call limit exceeded; retried with jittered backoff";
			case 48002 -> "the app has no permission for this API: check its API permissions in the admin console";
			case 60011 -> "the app cannot see this member or department: check the app's visible range";
			case 60020 -> "this server's IP is not in the app's trusted IP list (企业可信IP) in the admin console";
			case 301002 -> "the app has no permission for this app: check that the secret belongs to the right app";
			default -> null;
		};
	}

}

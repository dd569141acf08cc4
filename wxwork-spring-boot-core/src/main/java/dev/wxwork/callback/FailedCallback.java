package dev.wxwork.callback;

/**
 * An acknowledged callback that its async handler could not handle.
 *
 * @param agentName the app's name under {@code wxwork.agents}
 * @param identity the callback's identity ({@link CallbackMessage#identity()}), or the stream entry id when
 * the stored callback could not be opened
 * @param message the callback, or null when the stored callback could not be opened (a changed Token or
 * EncodingAESKey, or an entry that WeCom did not seal)
 * @param attempts how many times the handler ran
 * @param cause the last failure
 * @param deadLetterId the id of its entry in the app's dead-letter stream, or null without Redis
 */
public record FailedCallback(String agentName, String identity, CallbackMessage message, int attempts,
		Throwable cause, String deadLetterId) {

	@Override
	public String toString() {
		return "FailedCallback[app=" + this.agentName + ", " + this.identity + ", attempts=" + this.attempts
				+ ((this.deadLetterId != null) ? ", dead letter " + this.deadLetterId : "") + "]";
	}

}

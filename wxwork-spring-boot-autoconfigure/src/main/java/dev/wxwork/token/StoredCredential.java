package dev.wxwork.token;

import java.time.Instant;

/**
 * An access token or ticket and the instant from which it must no longer be used.
 * {@link #toString()} never shows the value.
 */
public record StoredCredential(String value, Instant expiresAt) {

	/** Whether it can still be used at {@code now}. */
	public boolean isUsableAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "StoredCredential[value=******, expiresAt=" + this.expiresAt + "]";
	}

}

package dev.wxwork.token;

import java.time.Instant;

/**
 * An access token or ticket, the instant from which it must no longer be used, and the instant from
 * which it is refreshed in the background while it keeps serving. {@link #toString()} never shows the
 * value.
 */
public record StoredCredential(String value, Instant expiresAt, Instant refreshAt) {

	/** A credential refreshed only when it expires. */
	public StoredCredential(String value, Instant expiresAt) {
		this(value, expiresAt, expiresAt);
	}

	/** Whether it can still be used at {@code now}. */
	public boolean isUsableAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	/** Whether it can be used at {@code now} and need not be refreshed yet. */
	public boolean isFreshAt(Instant now) {
		return now.isBefore(this.refreshAt) && isUsableAt(now);
	}

	@Override
	public String toString() {
		return "StoredCredential[value=******, expiresAt=" + this.expiresAt + ", refreshAt=" + this.refreshAt + "]";
	}

}

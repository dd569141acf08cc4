package dev.wxwork.token;

import java.time.Instant;

/**
 * What a {@link SharedCredential} knows without asking anyone; holds no value.
 * @param usable whether a usable value is cached in process
 * @param expiresAt when that value stops being used, or null
 * @param lastRefreshAt when a refresh last succeeded, or null
 * @param lastFailure the last refresh failure (kept after later successes), or null
 * @param lastFailureAt when it happened, or null
 * @param refreshing whether a refresh is running
 */
public record CredentialStatus(boolean usable, Instant expiresAt, Instant lastRefreshAt, RuntimeException lastFailure,
		Instant lastFailureAt, boolean refreshing) {

	/** Whether the last refresh failed (no success since). */
	public boolean lastRefreshFailed() {
		return this.lastFailureAt != null && (this.lastRefreshAt == null || this.lastFailureAt.isAfter(this.lastRefreshAt));
	}

}

package dev.wxwork.token;

import java.time.Duration;

/**
 * Where access tokens and JS-SDK tickets are shared, and the lock that lets one caller refresh them.
 * Implementations: {@link MemoryAccessTokenStore} (one JVM) and {@link RedisAccessTokenStore} (every
 * instance of the service). An implementation that cannot reach its backend throws
 * {@link TokenStoreUnavailableException}; callers then fetch tokens directly, so no API call fails
 * because the store is down.
 */
public interface AccessTokenStore {

	/** The credential stored under the key, or null when there is none or it has expired. */
	StoredCredential get(String key);

	/** Stores the credential until its expiry. */
	void put(String key, StoredCredential credential);

	/**
	 * Deletes the credential only if its value is still {@code expected}, so that a caller holding a
	 * rejected token cannot delete a fresher one that another caller just stored.
	 * @return whether it was deleted
	 */
	boolean compareAndDelete(String key, String expected);

	/** Takes the lock for {@code owner} unless someone holds it; it frees itself after the lease. */
	boolean tryLock(String key, String owner, Duration lease);

	/** Frees the lock only if {@code owner} still holds it. */
	void unlock(String key, String owner);

}

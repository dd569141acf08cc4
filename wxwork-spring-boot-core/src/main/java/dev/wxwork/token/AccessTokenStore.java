package dev.wxwork.token;

import java.time.Duration;

/**
 * Where access tokens and JS-SDK tickets are shared, and the lock that lets one caller refresh them.
 * Implementations: {@link MemoryAccessTokenStore} (one JVM) and {@link RedisAccessTokenStore} (every
 * instance of the service). An implementation that cannot reach its backend throws
 * {@link TokenStoreUnavailableException}; callers then fetch tokens directly, so no API call fails
 * because the store is down.
 * <p>
 * Writes are fenced: every credential has a generation ({@link #read(String)}), advanced by every
 * {@link #put}. A put names the generation it read before it fetched and is refused when another put came
 * in between, so an older fetch cannot overwrite a newer token; and a put of the token last rejected
 * through {@link #compareAndDelete} is refused, so a fetch that started before an invalidation cannot
 * bring the invalidated token back.
 * All keys of one credential ({@code key}, and the lock key the caller derives from it) must be in one
 * Redis Cluster hash slot; {@link CredentialKeys} makes sure of that with a hash tag.
 */
public interface AccessTokenStore {

	/** The credential, its generation and a recently recorded refresh failure, in one round trip. */
	CredentialState read(String key);

	/** The credential stored under the key, or null when there is none or it has expired. */
	default StoredCredential get(String key) {
		return read(key).credential();
	}

	/**
	 * Stores the credential until its expiry, only if the generation is still {@code generation} and the
	 * value is not the one last rejected.
	 * @return whether it was stored
	 */
	boolean put(String key, StoredCredential credential, long generation);

	/**
	 * Deletes the credential only if its value is still {@code expected}, so that a caller holding a
	 * rejected token cannot delete a fresher one that another caller just stored. Remembers
	 * {@code expected} either way, so that a fetch in flight cannot store the rejected token again.
	 * @return whether it was deleted
	 */
	boolean compareAndDelete(String key, String expected);

	/**
	 * Remembers briefly that a refresh failed, so that other instances fail fast instead of asking WeCom
	 * again while it refuses or rate-limits.
	 * @param failure what failed: no token or secret
	 */
	void recordFailure(String key, RefreshFailure failure, Duration memory);

	/** Takes the lock for {@code owner} unless someone holds it; it frees itself after the lease. */
	boolean tryLock(String key, String owner, Duration lease);

	/**
	 * Extends the lease of a lock {@code owner} still holds.
	 * @return whether {@code owner} still held it
	 */
	boolean renewLock(String key, String owner, Duration lease);

	/** Frees the lock only if {@code owner} still holds it. */
	void unlock(String key, String owner);

}

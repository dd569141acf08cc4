package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps tokens in this JVM: right for a single instance, or when the application has no Redis.
 */
public class MemoryAccessTokenStore implements AccessTokenStore {

	private final ConcurrentMap<String, StoredCredential> credentials = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, StoredCredential> locks = new ConcurrentHashMap<>();

	private final Clock clock;

	public MemoryAccessTokenStore() {
		this(Clock.systemUTC());
	}

	public MemoryAccessTokenStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public StoredCredential get(String key) {
		StoredCredential credential = this.credentials.get(key);
		if (credential == null) {
			return null;
		}
		if (!credential.isUsableAt(this.clock.instant())) {
			this.credentials.remove(key, credential);
			return null;
		}
		return credential;
	}

	@Override
	public void put(String key, StoredCredential credential) {
		this.credentials.put(key, credential);
	}

	@Override
	public boolean compareAndDelete(String key, String expected) {
		StoredCredential current = this.credentials.get(key);
		return current != null && current.value().equals(expected) && this.credentials.remove(key, current);
	}

	@Override
	public boolean tryLock(String key, String owner, Duration lease) {
		Instant now = this.clock.instant();
		StoredCredential fresh = new StoredCredential(owner, now.plus(lease));
		StoredCredential held = this.locks.compute(key,
				(name, current) -> (current == null || !current.isUsableAt(now)) ? fresh : current);
		return held == fresh;
	}

	@Override
	public void unlock(String key, String owner) {
		this.locks.computeIfPresent(key, (name, current) -> current.value().equals(owner) ? null : current);
	}

}

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

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, StoredCredential> locks = new ConcurrentHashMap<>();

	private final Clock clock;

	public MemoryAccessTokenStore() {
		this(Clock.systemUTC());
	}

	public MemoryAccessTokenStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public CredentialState read(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return CredentialState.EMPTY;
		}
		Instant now = this.clock.instant();
		StoredCredential credential = (entry.credential != null && entry.credential.isUsableAt(now)) ? entry.credential
				: null;
		RefreshFailure failure = (entry.failure != null && now.isBefore(entry.failureUntil)) ? entry.failure : null;
		return new CredentialState(credential, entry.generation, failure);
	}

	@Override
	public boolean put(String key, StoredCredential credential, long generation) {
		boolean[] stored = new boolean[1];
		this.entries.compute(key, (name, entry) -> {
			long current = (entry != null) ? entry.generation : 0;
			if (current != generation || (entry != null && credential.value().equals(entry.rejected))) {
				return entry;
			}
			stored[0] = true;
			return new Entry(credential, current + 1, null, Instant.MIN, (entry != null) ? entry.rejected : null);
		});
		return stored[0];
	}

	@Override
	public boolean compareAndDelete(String key, String expected) {
		boolean[] deleted = new boolean[1];
		this.entries.compute(key, (name, entry) -> {
			if (entry == null) {
				return new Entry(null, 0, null, Instant.MIN, expected);
			}
			StoredCredential credential = entry.credential;
			deleted[0] = credential != null && credential.value().equals(expected);
			return new Entry(deleted[0] ? null : credential, entry.generation, entry.failure, entry.failureUntil, expected);
		});
		return deleted[0];
	}

	@Override
	public void recordFailure(String key, RefreshFailure failure, Duration memory) {
		Instant until = this.clock.instant().plus(memory);
		this.entries.compute(key, (name, entry) -> (entry == null) ? new Entry(null, 0, failure, until, null)
				: new Entry(entry.credential, entry.generation, failure, until, entry.rejected));
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
	public boolean renewLock(String key, String owner, Duration lease) {
		Instant now = this.clock.instant();
		StoredCredential renewed = new StoredCredential(owner, now.plus(lease));
		StoredCredential held = this.locks.computeIfPresent(key,
				(name, current) -> (current.value().equals(owner) && current.isUsableAt(now)) ? renewed : current);
		return held == renewed;
	}

	@Override
	public void unlock(String key, String owner) {
		this.locks.computeIfPresent(key, (name, current) -> current.value().equals(owner) ? null : current);
	}

	private record Entry(StoredCredential credential, long generation, RefreshFailure failure, Instant failureUntil,
			String rejected) {
	}

}

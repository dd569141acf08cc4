package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkErrorKind;
import dev.wxwork.client.WxWorkException;

/**
 * One access token or ticket, shared by every thread of this JVM and, through the
 * {@link AccessTokenStore}, by every instance of the service.
 * <ul>
 * <li>Steady state: the value is kept in process until it nears expiry, so a call costs no store round
 * trip.</li>
 * <li>Refresh: one thread per JVM (a local lock), and one JVM per cluster (the store's lock, with a
 * lease and a re-check after acquiring it); the others wait for the stored value instead of calling
 * WeCom themselves.</li>
 * <li>Rejection (40014, 42001): {@link #invalidate(String)} drops the value only if it is still the one
 * that was rejected.</li>
 * <li>Store down: the value is fetched directly and kept in process; the store is used again as soon as
 * it answers.</li>
 * </ul>
 */
public final class SharedCredential {

	private static final Log logger = LogFactory.getLog(SharedCredential.class);

	private final String key;

	private final String description;

	private final CredentialFetcher fetcher;

	private final AccessTokenStore store;

	private final TokenSettings settings;

	private final Clock clock;

	private final ReentrantLock refreshLock = new ReentrantLock();

	private volatile StoredCredential local;

	private volatile boolean storeDown;

	// A wrong secret or corp id fails every refresh alike: remember the failure briefly instead of
	// asking WeCom again for every call, which would get the caller rate-blocked.
	private volatile WxWorkApiException lastRefusal;

	private volatile Instant lastRefusalUntil = Instant.MIN;

	private static final Duration REFUSAL_MEMORY = Duration.ofSeconds(10);

	// After a store failure the store is skipped until then: a Redis client that queues commands while
	// disconnected would otherwise hold every refresh for its whole command timeout.
	private volatile Instant storeRetryAt = Instant.MIN;

	/**
	 * @param key the store key; it must not contain the secret
	 * @param description what this is, for log lines (such as "access token of app 'sales'")
	 */
	public SharedCredential(String key, String description, CredentialFetcher fetcher, AccessTokenStore store,
			TokenSettings settings, Clock clock) {
		this.key = key;
		this.description = description;
		this.fetcher = fetcher;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** The current value, refreshed first when it is missing or near expiry. */
	public String get() {
		StoredCredential current = this.local;
		if (current != null && current.isUsableAt(this.clock.instant())) {
			return current.value();
		}
		this.refreshLock.lock();
		try {
			current = this.local;
			if (current != null && current.isUsableAt(this.clock.instant())) {
				return current.value();
			}
			WxWorkApiException refusal = this.lastRefusal;
			if (refusal != null && this.clock.instant().isBefore(this.lastRefusalUntil)) {
				throw refusal;
			}
			StoredCredential fresh = obtain();
			this.local = fresh;
			return fresh.value();
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/**
	 * Forgets {@code rejected} after WeCom refused it, here and in the store, unless a fresher value has
	 * already replaced it.
	 */
	public void invalidate(String rejected) {
		// Under the refresh lock, store first: a refresh in this JVM cannot read the rejected value
		// from the store after it was dropped here, and cannot put it back in process after that.
		this.refreshLock.lock();
		try {
			if (this.clock.instant().isAfter(this.storeRetryAt)) {
				try {
					this.store.compareAndDelete(this.key, rejected);
				}
				catch (TokenStoreUnavailableException ex) {
					noteStoreDown(ex);
				}
			}
			StoredCredential current = this.local;
			if (current != null && current.value().equals(rejected)) {
				this.local = null;
			}
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/** The store key, which holds no secret. */
	public String key() {
		return this.key;
	}

	private StoredCredential obtain() {
		if (this.clock.instant().isBefore(this.storeRetryAt)) {
			return fetch();
		}
		try {
			StoredCredential stored = this.store.get(this.key);
			noteStoreUp();
			if (stored != null && stored.isUsableAt(this.clock.instant())) {
				return stored;
			}
			return refreshThroughStore();
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
			return fetch();
		}
	}

	private StoredCredential refreshThroughStore() {
		String owner = UUID.randomUUID().toString();
		String lockKey = this.key + ":lock";
		Instant deadline = this.clock.instant().plus(this.settings.lockWait());
		while (true) {
			if (this.store.tryLock(lockKey, owner, this.settings.lockLease())) {
				try {
					// Another instance may have refreshed between our read and our lock.
					StoredCredential stored = this.store.get(this.key);
					if (stored != null && stored.isUsableAt(this.clock.instant())) {
						return stored;
					}
					StoredCredential fresh = fetch();
					this.store.put(this.key, fresh);
					return fresh;
				}
				finally {
					unlockQuietly(lockKey, owner);
				}
			}
			pause();
			StoredCredential stored = this.store.get(this.key);
			if (stored != null && stored.isUsableAt(this.clock.instant())) {
				return stored;
			}
			if (this.clock.instant().isAfter(deadline)) {
				logger.warn("Gave up waiting for another instance to refresh the " + this.description
						+ "; fetching it directly");
				StoredCredential fresh = fetch();
				this.store.put(this.key, fresh);
				return fresh;
			}
		}
	}

	private StoredCredential fetch() {
		IssuedCredential issued;
		try {
			issued = this.fetcher.fetch();
		}
		catch (WxWorkApiException ex) {
			if (ex.getKind() == WxWorkErrorKind.CONFIGURATION || ex.getKind() == WxWorkErrorKind.PERMISSION) {
				this.lastRefusal = ex;
				this.lastRefusalUntil = this.clock.instant().plus(REFUSAL_MEMORY);
			}
			throw ex;
		}
		this.lastRefusal = null;
		if (issued == null || issued.value() == null || issued.value().isEmpty()) {
			throw new WxWorkException("WeCom answered without a value for the " + this.description);
		}
		Duration usable = issued.expiresIn().minus(this.settings.refreshAhead());
		if (usable.compareTo(issued.expiresIn().dividedBy(2)) < 0) {
			// A short-lived credential (tests, stand-ins): use at least half of its life.
			usable = issued.expiresIn().dividedBy(2);
		}
		return new StoredCredential(issued.value(), this.clock.instant().plus(usable));
	}

	private void pause() {
		long base = this.settings.pollInterval().toMillis();
		try {
			Thread.sleep(base / 2 + ThreadLocalRandom.current().nextLong(base + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxWorkException("Interrupted while waiting for the " + this.description);
		}
	}

	private void unlockQuietly(String lockKey, String owner) {
		try {
			this.store.unlock(lockKey, owner);
		}
		catch (TokenStoreUnavailableException ex) {
			// The lease frees it.
			noteStoreDown(ex);
		}
	}

	private void noteStoreDown(TokenStoreUnavailableException ex) {
		this.storeRetryAt = this.clock.instant().plus(this.settings.storeRetryInterval());
		if (!this.storeDown) {
			this.storeDown = true;
			logger.warn("Token store unavailable; the " + this.description
					+ " is fetched directly until it returns: " + ex.getMessage());
		}
	}

	private void noteStoreUp() {
		if (this.storeDown) {
			this.storeDown = false;
			logger.info("Token store available again for the " + this.description);
		}
	}

	@Override
	public String toString() {
		return "SharedCredential[" + this.description + "]";
	}

}

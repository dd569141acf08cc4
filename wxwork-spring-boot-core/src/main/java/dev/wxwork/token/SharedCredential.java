package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <li>Refresh ahead: from {@link StoredCredential#refreshAt()} on, one refresh runs in the background
 * while callers keep using the current value; its failure fails no caller while the value is usable.</li>
 * <li>One refresh in flight per JVM: callers without a usable value wait for it, with a time limit and
 * interruptibly, and all of them receive its result or its failure. A failure of any kind is remembered
 * briefly (and recorded in the store for the other instances), so a storm of callers costs a handful of
 * {@code gettoken} requests, not one per caller.</li>
 * <li>One refresh per cluster: the store's lock (with a lease that is renewed while the fetch runs, and a
 * re-check after acquiring it); the others wait for the stored value.</li>
 * <li>Fenced writes: a put names the store generation read before the fetch, so an older fetch cannot
 * overwrite a newer value and a fetch that started before {@link #invalidate(String)} cannot bring the
 * rejected value back.</li>
 * <li>Store down or hung: the store fails fast (its commands have their own deadline and a shared
 * breaker), the value is fetched directly and kept in process; a failed put keeps the fetched value.</li>
 * </ul>
 */
public final class SharedCredential {

	private static final Log logger = LogFactory.getLog(SharedCredential.class);

	// A wrong secret or corp id fails every refresh alike: ask WeCom again only after this.
	private static final Duration REFUSAL_MEMORY = Duration.ofSeconds(10);

	// Busy, rate-limited (45009) or unreachable: a short pause shared by every caller instead of one
	// more gettoken per caller.
	private static final Duration FAILURE_MEMORY = Duration.ofSeconds(3);

	private final String key;

	private final String lockKey;

	private final String description;

	private final CredentialFetcher fetcher;

	private final AccessTokenStore store;

	private final TokenSettings settings;

	private final Clock clock;

	private final AtomicReference<StoredCredential> local = new AtomicReference<>();

	private final AtomicReference<CompletableFuture<StoredCredential>> inFlight = new AtomicReference<>();

	private final AtomicLong invalidations = new AtomicLong();

	private volatile String lastRejected;

	private volatile Failure failure;

	private volatile Failure lastFailure;

	private volatile Instant lastRefreshAt;

	private volatile boolean storeDown;

	/**
	 * @param key the store key; it must not contain the secret
	 * @param description what this is, for log lines (such as "access token of app 'sales'")
	 */
	public SharedCredential(String key, String description, CredentialFetcher fetcher, AccessTokenStore store,
			TokenSettings settings, Clock clock) {
		this.key = key;
		this.lockKey = key + ":lock";
		this.description = description;
		this.fetcher = fetcher;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The current value; when there is none usable, waits for the refresh (at most
	 * {@link TokenSettings#refreshWait()}).
	 * @throws WxWorkException when the refresh failed or failed within the last few seconds, or the wait
	 * timed out or was interrupted
	 */
	public String get() {
		Instant now = this.clock.instant();
		StoredCredential current = this.local.get();
		if (current != null && current.isUsableAt(now)) {
			if (!current.isFreshAt(now)) {
				refreshInBackground();
			}
			return current.value();
		}
		Failure recent = this.failure;
		if (recent != null && recent.isRememberedAt(now)) {
			throw recent.error;
		}
		return await(refresh()).value();
	}

	/**
	 * Starts a refresh unless one is running or a failure is remembered, and returns at once; for
	 * warming up and health checks.
	 */
	public void refreshInBackground() {
		Failure recent = this.failure;
		if (recent == null || !recent.isRememberedAt(this.clock.instant())) {
			refresh();
		}
	}

	/**
	 * Forgets {@code rejected} after WeCom refused it, here and in the store, unless a fresher value has
	 * already replaced it. A refresh already running cannot bring it back.
	 */
	public void invalidate(String rejected) {
		this.lastRejected = rejected;
		this.invalidations.incrementAndGet();
		try {
			this.store.compareAndDelete(this.key, rejected);
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
		}
		// Again after the store: a refresh that started meanwhile may have read the rejected value.
		this.invalidations.incrementAndGet();
		StoredCredential current = this.local.get();
		if (current != null && current.value().equals(rejected)) {
			this.local.compareAndSet(current, null);
		}
	}

	/** What is known without asking anyone: for health checks. */
	public CredentialStatus status() {
		Instant now = this.clock.instant();
		StoredCredential current = this.local.get();
		Failure last = this.lastFailure;
		boolean usable = current != null && current.isUsableAt(now);
		return new CredentialStatus(usable, usable ? current.expiresAt() : null, this.lastRefreshAt,
				(last != null) ? last.error : null, (last != null) ? last.at : null, this.inFlight.get() != null);
	}

	/** The store key, which holds no secret. */
	public String key() {
		return this.key;
	}

	private CompletableFuture<StoredCredential> refresh() {
		while (true) {
			CompletableFuture<StoredCredential> running = this.inFlight.get();
			if (running != null) {
				return running;
			}
			CompletableFuture<StoredCredential> mine = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(null, mine)) {
				long invalidationsAtStart = this.invalidations.get();
				try {
					CredentialRefreshThreads.execute(() -> run(mine, invalidationsAtStart));
				}
				catch (RejectedExecutionException ex) {
					this.inFlight.compareAndSet(mine, null);
					mine.completeExceptionally(new WxWorkException("Could not start the refresh of the "
							+ this.description, ex));
				}
				return mine;
			}
		}
	}

	private void run(CompletableFuture<StoredCredential> result, long invalidationsAtStart) {
		try {
			Failure recent = this.failure;
			if (recent != null && recent.isRememberedAt(this.clock.instant())) {
				throw recent.error;
			}
			StoredCredential fresh = obtain();
			if (this.invalidations.get() == invalidationsAtStart || !fresh.value().equals(this.lastRejected)) {
				this.local.set(fresh);
			}
			if (fresh.isFreshAt(this.clock.instant())) {
				this.failure = null;
				this.lastRefreshAt = this.clock.instant();
			}
			// else: the refresh failed and a stored value in its refresh-ahead window serves; the failure
			// stays remembered.
			this.inFlight.compareAndSet(result, null);
			result.complete(fresh);
		}
		catch (RuntimeException | Error ex) {
			RuntimeException error = (ex instanceof RuntimeException runtime) ? runtime
					: new WxWorkException("The refresh of the " + this.description + " failed", ex);
			remember(error);
			StoredCredential current = this.local.get();
			if (current != null && current.isUsableAt(this.clock.instant())) {
				logger.warn("The early refresh of the " + this.description + " failed; the current value serves until "
						+ current.expiresAt() + ": " + error.getMessage());
			}
			this.inFlight.compareAndSet(result, null);
			result.completeExceptionally(error);
		}
	}

	private StoredCredential await(CompletableFuture<StoredCredential> refresh) {
		try {
			return refresh.get(this.settings.refreshWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new WxWorkException("The refresh of the " + this.description + " failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new WxWorkException("Waited " + this.settings.refreshWait().toMillis() + " ms for the refresh of the "
					+ this.description + " (wxwork.token.refresh-wait); it is still running");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxWorkException("Interrupted while waiting for the refresh of the " + this.description, ex);
		}
	}

	private StoredCredential obtain() {
		CredentialState state;
		try {
			state = this.store.read(this.key);
			noteStoreUp();
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
			return fetch();
		}
		Instant now = this.clock.instant();
		StoredCredential stored = state.credential();
		if (stored != null && stored.isFreshAt(now)) {
			return stored;
		}
		// A value in its refresh-ahead window still serves if the refresh fails.
		StoredCredential fallback = (stored != null && stored.isUsableAt(now)) ? stored : null;
		try {
			if (state.failure() != null) {
				throw state.failure().toException(this.description);
			}
			return refreshUnderLock();
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
			return fetch();
		}
		catch (RuntimeException ex) {
			if (fallback != null && fallback.isUsableAt(this.clock.instant())) {
				remember(ex);
				logger.warn("The refresh of the " + this.description + " failed; the stored value serves until "
						+ fallback.expiresAt() + ": " + ex.getMessage());
				return fallback;
			}
			throw ex;
		}
	}

	private StoredCredential refreshUnderLock() {
		String owner = UUID.randomUUID().toString();
		Instant deadline = this.clock.instant().plus(this.settings.lockWait());
		while (true) {
			if (this.store.tryLock(this.lockKey, owner, this.settings.lockLease())) {
				ScheduledFuture<?> renewal = CredentialRefreshThreads.every(this.settings.lockLease().dividedBy(3),
						() -> renew(owner));
				try {
					// Another instance may have refreshed between our read and our lock.
					CredentialState state = this.store.read(this.key);
					StoredCredential stored = state.credential();
					if (stored != null && stored.isFreshAt(this.clock.instant())) {
						return stored;
					}
					if (state.failure() != null) {
						throw state.failure().toException(this.description);
					}
					return fetchAndPut(state.generation());
				}
				finally {
					renewal.cancel(false);
					unlockQuietly(owner);
				}
			}
			pause();
			CredentialState state = this.store.read(this.key);
			StoredCredential stored = state.credential();
			if (stored != null && stored.isFreshAt(this.clock.instant())) {
				return stored;
			}
			if (state.failure() != null) {
				throw state.failure().toException(this.description);
			}
			if (this.clock.instant().isAfter(deadline)) {
				logger.warn("Gave up waiting for another instance to refresh the " + this.description
						+ "; fetching it directly");
				return fetchAndPut(state.generation());
			}
		}
	}

	/** Fetches and stores, fenced by {@code generation}; store failures after the fetch keep what it fetched. */
	private StoredCredential fetchAndPut(long generation) {
		StoredCredential fresh = fetchSharingFailure();
		if (tryPut(fresh, generation)) {
			return fresh;
		}
		// Refused: a newer value was stored, or the value was invalidated while we fetched.
		CredentialState state;
		try {
			state = this.store.read(this.key);
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
			return fresh;
		}
		StoredCredential stored = state.credential();
		if (stored != null && stored.isUsableAt(this.clock.instant())) {
			return stored;
		}
		// Invalidated during our fetch: what we fetched may be the rejected value; fetch once more.
		StoredCredential again = fetchSharingFailure();
		tryPut(again, state.generation());
		return again;
	}

	private boolean tryPut(StoredCredential credential, long generation) {
		try {
			return this.store.put(this.key, credential, generation);
		}
		catch (TokenStoreUnavailableException ex) {
			noteStoreDown(ex);
			return true;
		}
	}

	private StoredCredential fetchSharingFailure() {
		try {
			return fetch();
		}
		catch (RuntimeException ex) {
			try {
				this.store.recordFailure(this.key, RefreshFailure.of(ex), memoryOf(ex));
			}
			catch (TokenStoreUnavailableException storeDown) {
				noteStoreDown(storeDown);
			}
			throw ex;
		}
	}

	private StoredCredential fetch() {
		IssuedCredential issued = this.fetcher.fetch();
		if (issued == null || issued.value() == null || issued.value().isEmpty()) {
			throw new WxWorkException("WeCom answered without a value for the " + this.description);
		}
		Instant now = this.clock.instant();
		Duration life = issued.expiresIn();
		// Stop using it a little before WeCom's expiry (clock skew, time on the wire).
		Duration margin = life.dividedBy(10);
		if (margin.compareTo(Duration.ofMinutes(1)) > 0) {
			margin = Duration.ofMinutes(1);
		}
		Duration untilRefresh = life.minus(this.settings.refreshAhead());
		if (untilRefresh.compareTo(life.dividedBy(2)) < 0) {
			// A short-lived credential (tests, stand-ins): use at least half of its life before refreshing.
			untilRefresh = life.dividedBy(2);
		}
		return new StoredCredential(issued.value(), now.plus(life.minus(margin)), now.plus(untilRefresh));
	}

	private void remember(RuntimeException ex) {
		Instant now = this.clock.instant();
		Failure remembered = new Failure(ex, now, now.plus(memoryOf(ex)));
		this.failure = remembered;
		this.lastFailure = remembered;
	}

	private static Duration memoryOf(RuntimeException ex) {
		if (ex instanceof WxWorkApiException api
				&& (api.getKind() == WxWorkErrorKind.CONFIGURATION || api.getKind() == WxWorkErrorKind.PERMISSION)) {
			return REFUSAL_MEMORY;
		}
		return FAILURE_MEMORY;
	}

	private void renew(String owner) {
		try {
			if (!this.store.renewLock(this.lockKey, owner, this.settings.lockLease())) {
				logger.debug("The refresh lock of the " + this.description + " was lost during the fetch");
			}
		}
		catch (TokenStoreUnavailableException ex) {
			// The fenced put still keeps a concurrent refresh from overwriting a newer value.
		}
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

	private void unlockQuietly(String owner) {
		try {
			this.store.unlock(this.lockKey, owner);
		}
		catch (TokenStoreUnavailableException ex) {
			// The lease frees it.
			noteStoreDown(ex);
		}
	}

	private void noteStoreDown(TokenStoreUnavailableException ex) {
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

	private record Failure(RuntimeException error, Instant at, Instant until) {

		boolean isRememberedAt(Instant now) {
			return now.isBefore(this.until);
		}

	}

}

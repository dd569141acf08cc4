package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SharedCredentialTest {

	private final AtomicInteger fetches = new AtomicInteger();

	private final CredentialFetcher fetcher = () -> {
		int n = this.fetches.incrementAndGet();
		sleep(50);
		return new IssuedCredential("token-" + n, Duration.ofSeconds(7200));
	};

	private final MemoryAccessTokenStore store = new MemoryAccessTokenStore();

	private SharedCredential credential(Clock clock) {
		return new SharedCredential("k", "test token", this.fetcher, this.store, TokenSettings.defaults(), clock);
	}

	@Test
	void manyThreadsOfOneJvmFetchOnce() throws Exception {
		SharedCredential credential = credential(Clock.systemUTC());
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> values = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			values.add(pool.submit(() -> {
				start.await();
				return credential.get();
			}));
		}
		start.countDown();
		for (Future<String> value : values) {
			assertThat(value.get()).isEqualTo("token-1");
		}
		pool.shutdown();
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void aStaleRejectionDoesNotDropTheFreshToken() {
		SharedCredential credential = credential(Clock.systemUTC());
		String first = credential.get();
		credential.invalidate(first);
		String second = credential.get();
		assertThat(second).isEqualTo("token-2");
		credential.invalidate(first);
		assertThat(credential.get()).isEqualTo("token-2");
		assertThat(this.store.get("k").value()).isEqualTo("token-2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void refreshesAheadOfWeComsExpiryInTheBackgroundWhileTheCurrentTokenServes() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SharedCredential credential = new SharedCredential("k", "test token", this.fetcher,
				new MemoryAccessTokenStore(clock), TokenSettings.defaults(), clock);
		assertThat(credential.get()).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(7200 - 301));
		assertThat(credential.get()).isEqualTo("token-1");
		assertThat(this.fetches).hasValue(1);
		clock.advance(Duration.ofSeconds(2));
		// In the refresh-ahead window: the caller is served at once, the refresh runs in the background.
		assertThat(credential.get()).isEqualTo("token-1");
		awaitValue(credential, "token-2");
		assertThat(this.fetches).hasValue(2);
	}

	private static void awaitValue(SharedCredential credential, String expected) throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		while (!expected.equals(credential.get())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Never got " + expected);
			}
			Thread.sleep(10);
		}
	}

	@Test
	void aFailedRefreshIsFetchedOnceAndEveryWaiterGetsItsFailure() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		SharedCredential credential = new SharedCredential("k", "test token", () -> {
			attempts.incrementAndGet();
			sleep(500);
			throw new WxWorkApiException(-1, "system busy", "/cgi-bin/gettoken");
		}, this.store, TokenSettings.defaults(), Clock.systemUTC());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> waits = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				waits.add(pool.submit(() -> {
					start.await();
					long began = System.nanoTime();
					assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(credential::get)
						.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(-1));
					return System.nanoTime() - began;
				}));
			}
			start.countDown();
			for (Future<Long> wait : waits) {
				// One fetch of 500 ms for all, not eight in a row (4 s); generous for a loaded machine.
				assertThat(Duration.ofNanos(wait.get(30, TimeUnit.SECONDS))).isLessThan(Duration.ofMillis(3500));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(attempts).hasValue(1);
		// Remembered briefly: the next caller fails at once without asking WeCom again.
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(credential::get);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aFailedEarlyRefreshNeverFailsACallerWhoseTokenIsValid() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		AtomicInteger attempts = new AtomicInteger();
		CountDownLatch failed = new CountDownLatch(1);
		SharedCredential credential = new SharedCredential("k", "test token", () -> {
			if (attempts.incrementAndGet() == 1) {
				return new IssuedCredential("token-1", Duration.ofSeconds(7200));
			}
			failed.countDown();
			throw new WxWorkApiException(45009, "api freq out of limit", "/cgi-bin/gettoken");
		}, new MemoryAccessTokenStore(clock), TokenSettings.defaults(), clock);
		assertThat(credential.get()).isEqualTo("token-1");
		clock.advance(Duration.ofSeconds(7200 - 200));
		for (int i = 0; i < 50; i++) {
			assertThat(credential.get()).isEqualTo("token-1");
		}
		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (credential.status().refreshing() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		for (int i = 0; i < 50; i++) {
			assertThat(credential.get()).isEqualTo("token-1");
		}
		// The failure is remembered: no refresh per call while WeCom rate-limits.
		assertThat(attempts.get()).isEqualTo(2);
		assertThat(credential.status().usable()).isTrue();
		assertThat(credential.status().lastRefreshFailed()).isTrue();
	}

	@Test
	void aWaitForASlowRefreshIsBoundedAndInterruptible() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		SharedCredential credential = new SharedCredential("k", "test token", () -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new IssuedCredential("token-slow", Duration.ofSeconds(7200));
		}, this.store, new TokenSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
				Duration.ofMillis(50), Duration.ofMillis(300)), Clock.systemUTC());
		assertThatExceptionOfType(WxWorkException.class).isThrownBy(credential::get)
			.withMessageContaining("wxwork.token.refresh-wait");
		ExecutorService waiter = Executors.newSingleThreadExecutor();
		try {
			waiter.submit(() -> {
				Thread.currentThread().interrupt();
				assertThatExceptionOfType(WxWorkException.class).isThrownBy(credential::get)
					.withMessageContaining("Interrupted");
				assertThat(Thread.interrupted()).isTrue();
			}).get(10, TimeUnit.SECONDS);
		}
		finally {
			waiter.shutdownNow();
		}
		release.countDown();
		awaitValue(credential, "token-slow");
	}

	@Test
	void toStringShowsNoValue() {
		assertThat(new StoredCredential("token-x", Instant.now()).toString()).doesNotContain("token-x");
		assertThat(new IssuedCredential("token-x", Duration.ZERO).toString()).doesNotContain("token-x");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.wxwork.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

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

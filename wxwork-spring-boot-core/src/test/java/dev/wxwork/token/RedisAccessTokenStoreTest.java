package dev.wxwork.token;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisAccessTokenStoreTest {

	private static RedisServer redis;

	private static LettuceConnectionFactory connections;

	private static RedisAccessTokenStore store;

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		connections = redis.newConnectionFactory();
		store = new RedisAccessTokenStore(connections, new RedisCommandGuard(Duration.ofSeconds(2), Duration.ofMillis(1)));
	}

	@AfterAll
	static void stop() {
		connections.destroy();
		redis.close();
	}

	@Test
	void storesTheValueWithItsExpiryAndARedisTtl() {
		Instant expiry = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		assertThat(store.put("t:1", new StoredCredential("abc:def", expiry), 0)).isTrue();
		StoredCredential read = store.get("t:1");
		assertThat(read.value()).isEqualTo("abc:def");
		assertThat(read.expiresAt()).isEqualTo(expiry);
		assertThat(Long.parseLong(redis.cli("PTTL", "t:1"))).isBetween(50_000L, 60_000L);
	}

	@Test
	void compareAndDeleteLeavesAFresherTokenAlone() {
		store.put("t:2", new StoredCredential("fresh", Instant.now().plusSeconds(60)), 0);
		assertThat(store.compareAndDelete("t:2", "stale")).isFalse();
		assertThat(store.get("t:2").value()).isEqualTo("fresh");
		assertThat(store.compareAndDelete("t:2", "fresh")).isTrue();
		assertThat(store.get("t:2")).isNull();
	}

	@Test
	void compareAndDeleteComparesTheWholeToken() {
		store.put("t:3", new StoredCredential("x:y", Instant.now().plusSeconds(60)), 0);
		assertThat(store.compareAndDelete("t:3", "y")).isFalse();
		assertThat(store.get("t:3").value()).isEqualTo("x:y");
	}

	@Test
	void anOlderFetchCannotOverwriteANewerToken() {
		long generation = store.read("t:4").generation();
		assertThat(store.put("t:4", new StoredCredential("newer", Instant.now().plusSeconds(60)), generation)).isTrue();
		// A fetch that read the same generation before the newer put finishes later.
		assertThat(store.put("t:4", new StoredCredential("older", Instant.now().plusSeconds(60)), generation)).isFalse();
		assertThat(store.get("t:4").value()).isEqualTo("newer");
		assertThat(store.read("t:4").generation()).isEqualTo(generation + 1);
	}

	@Test
	void theRejectedTokenIsNeverStoredAgain() {
		long generation = store.read("t:5").generation();
		assertThat(store.compareAndDelete("t:5", "rejected")).isFalse();
		assertThat(store.put("t:5", new StoredCredential("rejected", Instant.now().plusSeconds(60)), generation)).isFalse();
		assertThat(store.get("t:5")).isNull();
		assertThat(store.put("t:5", new StoredCredential("other", Instant.now().plusSeconds(60)), generation)).isTrue();
	}

	@Test
	void aRecordedFailureIsReadBackUntilItsMemoryRunsOutOrATokenIsStored() throws InterruptedException {
		store.recordFailure("t:6", new RefreshFailure(45009, "api freq out of limit"), Duration.ofMillis(300));
		assertThat(store.read("t:6").failure()).isEqualTo(new RefreshFailure(45009, "api freq out of limit"));
		Thread.sleep(400);
		assertThat(store.read("t:6").failure()).isNull();
		store.recordFailure("t:6", new RefreshFailure(0, "timeout: no answer"), Duration.ofSeconds(60));
		assertThat(store.put("t:6", new StoredCredential("v", Instant.now().plusSeconds(60)), 0)).isTrue();
		assertThat(store.read("t:6").failure()).isNull();
	}

	@Test
	void aLockIsRenewedOnlyByItsOwner() throws InterruptedException {
		assertThat(store.tryLock("l:2", "a", Duration.ofMillis(300))).isTrue();
		assertThat(store.renewLock("l:2", "b", Duration.ofSeconds(5))).isFalse();
		assertThat(store.renewLock("l:2", "a", Duration.ofSeconds(5))).isTrue();
		Thread.sleep(400);
		assertThat(store.tryLock("l:2", "b", Duration.ofSeconds(5))).isFalse();
	}

	@Test
	void lockHasOneOwnerAndALease() throws InterruptedException {
		// a lease far longer than the test: "b" is refused because "a" holds it, not by luck of timing
		assertThat(store.tryLock("l:1", "a", Duration.ofSeconds(30))).isTrue();
		assertThat(store.tryLock("l:1", "b", Duration.ofSeconds(30))).isFalse();
		store.unlock("l:1", "b");
		assertThat(store.tryLock("l:1", "b", Duration.ofSeconds(30))).isFalse();
		assertThat(Long.parseLong(redis.cli("PTTL", "l:1"))).isBetween(1L, 30_000L);
		store.unlock("l:1", "a");
		// the lease: a lock nobody unlocks is free once it expired (waited for, however long the machine takes)
		assertThat(store.tryLock("l:1", "b", Duration.ofMillis(300))).isTrue();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		boolean taken = false;
		while (!taken && System.nanoTime() < deadline) {
			taken = store.tryLock("l:1", "c", Duration.ofSeconds(5));
			Thread.sleep(50);
		}
		assertThat(taken).isTrue();
		assertThat(store.tryLock("l:1", "b", Duration.ofSeconds(5))).isFalse();
	}

	@Test
	void anUnreachableRedisIsReportedAsUnavailable() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new org.springframework.data.redis.connection.RedisStandaloneConfiguration("127.0.0.1", 1));
		nowhere.afterPropertiesSet();
		try {
			assertThatExceptionOfType(TokenStoreUnavailableException.class)
				.isThrownBy(() -> new RedisAccessTokenStore(nowhere, new RedisCommandGuard(Duration.ofSeconds(2), Duration.ofSeconds(5))).get("k"));
		}
		finally {
			nowhere.destroy();
		}
	}

}

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
		store.put("t:1", new StoredCredential("abc:def", expiry));
		StoredCredential read = store.get("t:1");
		assertThat(read.value()).isEqualTo("abc:def");
		assertThat(read.expiresAt()).isEqualTo(expiry);
		assertThat(Long.parseLong(redis.cli("PTTL", "t:1"))).isBetween(50_000L, 60_000L);
	}

	@Test
	void compareAndDeleteLeavesAFresherTokenAlone() {
		store.put("t:2", new StoredCredential("fresh", Instant.now().plusSeconds(60)));
		assertThat(store.compareAndDelete("t:2", "stale")).isFalse();
		assertThat(store.get("t:2").value()).isEqualTo("fresh");
		assertThat(store.compareAndDelete("t:2", "fresh")).isTrue();
		assertThat(store.get("t:2")).isNull();
	}

	@Test
	void compareAndDeleteComparesTheWholeToken() {
		store.put("t:3", new StoredCredential("x:y", Instant.now().plusSeconds(60)));
		assertThat(store.compareAndDelete("t:3", "y")).isFalse();
		assertThat(store.get("t:3").value()).isEqualTo("x:y");
	}

	@Test
	void lockHasOneOwnerAndALease() throws InterruptedException {
		assertThat(store.tryLock("l:1", "a", Duration.ofMillis(300))).isTrue();
		assertThat(store.tryLock("l:1", "b", Duration.ofMillis(300))).isFalse();
		store.unlock("l:1", "b");
		assertThat(store.tryLock("l:1", "b", Duration.ofMillis(300))).isFalse();
		Thread.sleep(400);
		assertThat(store.tryLock("l:1", "b", Duration.ofSeconds(5))).isTrue();
		store.unlock("l:1", "b");
		assertThat(store.tryLock("l:1", "c", Duration.ofSeconds(5))).isTrue();
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

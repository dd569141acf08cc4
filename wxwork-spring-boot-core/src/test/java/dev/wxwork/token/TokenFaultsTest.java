package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens while Redis hangs (SIGSTOP), dies (SIGKILL) or fails a put, while WeCom rate-limits gettoken,
 * and while refreshes of several instances overlap. Every instance has its own Redis connection with
 * Spring Boot's default client settings (no {@code spring.data.redis.timeout}: Lettuce waits 60 s), its
 * own {@link RedisCommandGuard} with the library's defaults, HTTP client and agent, as separate JVMs
 * would have.
 */
class TokenFaultsTest {

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("secret-a").gettokenLatency(Duration.ofMillis(100));

	private RedisServer redis;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final List<RedisCommandGuard> guards = new ArrayList<>();

	private final ExecutorService pool = Executors.newCachedThreadPool();

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}");
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		this.redis.resume();
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.guards.forEach(RedisCommandGuard::close);
		this.redis.close();
		this.wecom.close();
	}

	private RedisAccessTokenStore store() {
		LettuceConnectionFactory connectionFactory = this.redis.newDefaultConnectionFactory();
		this.connections.add(connectionFactory);
		// A running instance is connected (the first command may also have to open the connection).
		new StringRedisTemplate(connectionFactory).opsForValue().get("warm-up");
		RedisCommandGuard guard = new RedisCommandGuard(Duration.ofMillis(500), Duration.ofSeconds(5));
		this.guards.add(guard);
		return new RedisAccessTokenStore(connectionFactory, guard);
	}

	private WxWorkAgent instance(TokenSettings settings) {
		WxWorkHttpClient http = new WxWorkHttpClient(this.wecom.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10),
				new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)));
		return new WxWorkAgent("app", 1L, "corp1", "secret-a", http, store(), new CredentialKeys("wxwork-test"), settings,
				Clock.systemUTC());
	}

	private List<WxWorkAgent> cluster(int instances) {
		List<WxWorkAgent> agents = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			agents.add(instance(TokenSettings.defaults()));
		}
		return agents;
	}

	/**
	 * {@code callers} per instance start at once and make {@code calls} API calls each; every call must
	 * succeed. Returns the latency of every call in nanoseconds.
	 */
	private List<Long> callConcurrently(List<WxWorkAgent> agents, int callers, int calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Long>>> results = new ArrayList<>();
		for (WxWorkAgent agent : agents) {
			for (int i = 0; i < callers; i++) {
				results.add(this.pool.submit(() -> {
					start.await();
					List<Long> latencies = new ArrayList<>();
					for (int call = 0; call < calls; call++) {
						long began = System.nanoTime();
						assertThat(agent.users().get("zhangsan").userid()).isEqualTo("zhangsan");
						latencies.add(System.nanoTime() - began);
					}
					return latencies;
				}));
			}
		}
		start.countDown();
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get(120, TimeUnit.SECONDS));
		}
		return all;
	}

	private static Duration percentile(List<Long> latencies, double percentile) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile * sorted.size()) - 1;
		return Duration.ofNanos(sorted.get(Math.max(0, index)));
	}

	@Test
	void callersKeepWorkingThroughARefreshWhileRedisHangs() throws Exception {
		List<WxWorkAgent> agents = cluster(2);
		callConcurrently(agents, 16, 1);

		// Baseline: the same refresh (WeCom expires the token: 42001) with Redis answering.
		this.wecom.expireAllTokens();
		List<Long> baseline = callConcurrently(agents, 16, 20);
		int beforeHang = this.wecom.gettokenCalls();

		this.redis.hang();
		this.wecom.expireAllTokens();
		List<Long> duringHang = callConcurrently(agents, 16, 20);
		int duringHangGettokens = this.wecom.gettokenCalls() - beforeHang;

		Duration baselineP99 = percentile(baseline, 0.99);
		Duration hangP99 = percentile(duringHang, 0.99);
		Duration hangMax = percentile(duringHang, 1.0);
		System.out.printf("[measured] refresh through Redis: p50=%d ms p99=%d ms; through a refresh with Redis hung "
				+ "(SIGSTOP): p50=%d ms p99=%d ms max=%d ms, gettoken=%d for 2 instances x 16 callers x 20 calls%n",
				percentile(baseline, 0.5).toMillis(), baselineP99.toMillis(), percentile(duringHang, 0.5).toMillis(),
				hangP99.toMillis(), hangMax.toMillis(), duringHangGettokens);
		// Lettuce alone would hold the callers 60 s; generous bounds for a loaded machine.
		assertThat(hangMax).isLessThan(Duration.ofSeconds(10));
		assertThat(hangP99).isLessThan(Duration.ofSeconds(5));
		// Each instance fetches directly once (it cannot see the other's token while Redis hangs).
		assertThat(duringHangGettokens).isBetween(1, 2);
		assertThat(this.guards).allMatch(RedisCommandGuard::isBypassed);
	}

	@Test
	void callersKeepWorkingThroughARefreshWhenRedisIsKilled() throws Exception {
		List<WxWorkAgent> agents = cluster(2);
		callConcurrently(agents, 16, 1);
		this.redis.kill();
		this.wecom.expireAllTokens();
		long began = System.nanoTime();
		List<Long> latencies = callConcurrently(agents, 16, 10);
		System.out.printf("[measured] Redis killed (SIGKILL): p99=%d ms over %d calls in %d ms, gettoken=%d%n",
				percentile(latencies, 0.99).toMillis(), latencies.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), this.wecom.gettokenCalls() - 1);
		assertThat(percentile(latencies, 1.0)).isLessThan(Duration.ofSeconds(10));
		assertThat(this.wecom.gettokenCalls()).isBetween(2, 3);
	}

	@Test
	void gettokenRateLimitedFor45009CostsAHandfulOfRequestsNotOnePerCaller() throws Exception {
		List<WxWorkAgent> agents = cluster(3);
		callConcurrently(agents, 4, 1);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);

		this.wecom.gettokenError(45009);
		this.wecom.expireAllTokens();
		long stormEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
		AtomicInteger failedCalls = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> callers = new ArrayList<>();
		for (WxWorkAgent agent : agents) {
			for (int i = 0; i < 32; i++) {
				callers.add(this.pool.submit(() -> {
					start.await();
					while (System.nanoTime() < stormEnds) {
						try {
							agent.users().get("zhangsan");
						}
						catch (RuntimeException ex) {
							failedCalls.incrementAndGet();
						}
						Thread.sleep(20);
					}
					return null;
				}));
			}
		}
		start.countDown();
		for (Future<?> caller : callers) {
			caller.get(60, TimeUnit.SECONDS);
		}
		int stormGettokens = this.wecom.gettokenCalls() - 1;
		this.wecom.gettokenError(null);
		System.out.printf("[measured] gettoken answering 45009 for 4 s under 3 instances x 32 callers: %d gettoken "
				+ "requests, %d failed calls%n", stormGettokens, failedCalls.get());
		assertThat(failedCalls.get()).isPositive();
		// One refresh for the cluster per few seconds, each with the client's own bounded retries.
		assertThat(stormGettokens).isBetween(1, 20);

		// Once WeCom answers again, calls recover after the failure memory has passed.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (WxWorkAgent agent : agents) {
			while (true) {
				try {
					assertThat(agent.users().get("zhangsan").userid()).isEqualTo("zhangsan");
					break;
				}
				catch (RuntimeException ex) {
					assertThat(System.nanoTime()).as("recovers after the storm").isLessThan(deadline);
					Thread.sleep(100);
				}
			}
		}
	}

	@Test
	void aLeaseShorterThanASlowFetchIsRenewedSoOneInstanceFetches() throws Exception {
		this.wecom.gettokenLatency(Duration.ofMillis(1500));
		TokenSettings shortLease = TokenSettings.defaults().withLockLease(Duration.ofMillis(300));
		List<WxWorkAgent> agents = List.of(instance(shortLease), instance(shortLease), instance(shortLease));
		callConcurrently(agents, 8, 1);
		// Without the renewal the lease would run out five times during the fetch and the others would fetch too.
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
		assertThat(agents).extracting(WxWorkAgent::accessToken).containsOnly(agents.get(0).accessToken());
	}

	@Test
	void anInvalidationDuringAnotherInstancesFetchCannotBringTheRejectedTokenBack() throws Exception {
		// WeCom hands out the same token until it is invalidated, so a fetch that started before an
		// invalidation may return the token that is being rejected.
		AtomicInteger fetches = new AtomicInteger();
		CountDownLatch fetching = new CountDownLatch(1);
		CountDownLatch invalidated = new CountDownLatch(1);
		CredentialFetcher slowFetcher = () -> {
			if (fetches.incrementAndGet() == 1) {
				fetching.countDown();
				await(invalidated);
				return new IssuedCredential("token-rejected", Duration.ofSeconds(7200));
			}
			return new IssuedCredential("token-new", Duration.ofSeconds(7200));
		};
		SharedCredential instanceA = new SharedCredential("wxwork-test:token:{corp1:x}", "token A", slowFetcher, store(),
				TokenSettings.defaults(), Clock.systemUTC());
		SharedCredential instanceB = new SharedCredential("wxwork-test:token:{corp1:x}", "token B",
				() -> new IssuedCredential("token-of-b", Duration.ofSeconds(7200)), store(), TokenSettings.defaults(),
				Clock.systemUTC());
		Future<String> a = this.pool.submit(instanceA::get);
		assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
		instanceB.invalidate("token-rejected");
		invalidated.countDown();

		assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("token-new");
		assertThat(fetches).hasValue(2);
		assertThat(this.redis.cli("GET", "wxwork-test:token:{corp1:x}")).endsWith(":token-new");
		assertThat(instanceB.get()).isEqualTo("token-new");
	}

	@Test
	void aPutThatFailsAfterASuccessfulFetchKeepsTheFetchedToken() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		SharedCredential credential = new SharedCredential("wxwork-test:token:{corp1:y}", "token", () -> {
			fetches.incrementAndGet();
			// Redis hangs between the lock and the put.
			this.redis.hang();
			return new IssuedCredential("token-fetched", Duration.ofSeconds(7200));
		}, store(), TokenSettings.defaults(), Clock.systemUTC());
		long began = System.nanoTime();
		assertThat(credential.get()).isEqualTo("token-fetched");
		assertThat(credential.get()).isEqualTo("token-fetched");
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
		assertThat(fetches).hasValue(1);
		assertThat(this.guards.get(0).isBypassed()).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

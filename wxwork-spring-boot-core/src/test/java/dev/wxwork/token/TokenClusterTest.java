package dev.wxwork.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several independent instances (each with its own Redis connection, HTTP client and agent, as separate
 * JVMs would have) sharing one real Redis and one WeCom stand-in.
 */
class TokenClusterTest {

	private static final int INSTANCES = 4;

	private static final int CALLERS_PER_INSTANCE = 16;

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("secret-a")
		.secret("secret-b")
		.gettokenLatency(Duration.ofMillis(150));

	private RedisServer redis;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * CALLERS_PER_INSTANCE);

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}");
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.redis.close();
		this.wecom.close();
	}

	private WxWorkAgent instance(String secret) {
		LettuceConnectionFactory connectionFactory = this.redis.newConnectionFactory();
		this.connections.add(connectionFactory);
		return TokenClusters.agent(this.wecom.baseUrl(), secret, connectionFactory,
				new RedisCommandGuard(Duration.ofMillis(500), Duration.ofMillis(500)));
	}

	private List<WxWorkAgent> cluster(String secret) {
		return TokenClusters.cluster(INSTANCES, () -> instance(secret));
	}

	private int callAllAtOnce(List<WxWorkAgent> agents) throws Exception {
		return TokenClusters.callAllAtOnce(this.pool, agents, CALLERS_PER_INSTANCE);
	}

	@Test
	void coldClusterFetchesOneTokenAndAfter42001OneMore() throws Exception {
		List<WxWorkAgent> agents = cluster("secret-a");

		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		int cold = this.wecom.gettokenCalls();

		this.wecom.expireAllTokens();
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		int afterExpiry = this.wecom.gettokenCalls() - cold;

		System.out.printf("[measured] %d callers across %d instances: gettoken cold=%d, after 42001=%d%n",
				INSTANCES * CALLERS_PER_INSTANCE, INSTANCES, cold, afterExpiry);
		assertThat(cold).isEqualTo(1);
		assertThat(afterExpiry).isEqualTo(1);
	}

	@Test
	void after40014EveryInstanceMovesToTheOneNewToken() throws Exception {
		List<WxWorkAgent> agents = cluster("secret-a");
		callAllAtOnce(agents);
		this.wecom.invalidateAllTokens();
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
		assertThat(agents).extracting(WxWorkAgent::accessToken).containsOnly(agents.get(0).accessToken());
	}

	@Test
	void steadyStateCostsNoRedisCommandPerCall() throws Exception {
		List<WxWorkAgent> agents = cluster("secret-a");
		callAllAtOnce(agents);
		this.redis.cli("CONFIG", "RESETSTAT");
		int calls = 0;
		for (int round = 0; round < 50; round++) {
			for (WxWorkAgent agent : agents) {
				agent.users().get("zhangsan");
				calls++;
			}
		}
		long commands = redisCommandsExceptStats();
		System.out.printf("[measured] steady state: %d Redis commands for %d API calls%n", commands, calls);
		assertThat(commands).isZero();
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
	}

	@Test
	void twoSecretsNeverShareAToken() throws Exception {
		WxWorkAgent a = instance("secret-a");
		WxWorkAgent b = instance("secret-b");
		assertThat(a.accessToken()).isNotEqualTo(b.accessToken());
		assertThat(this.wecom.gettokenCalls("secret-a")).isEqualTo(1);
		assertThat(this.wecom.gettokenCalls("secret-b")).isEqualTo(1);
		String keys = this.redis.cli("KEYS", "wxwork-test:*");
		assertThat(keys.lines()).allMatch((key) -> key.startsWith("wxwork-test:token:{corp1:"));
		assertThat(keys.lines().filter((key) -> !key.endsWith(":generation"))).hasSize(2);
		assertThat(keys).doesNotContain("secret-a").doesNotContain("secret-b");
	}

	@Test
	void callsKeepWorkingWhileRedisIsDownAndTheStoreRecoversWhenItReturns() throws Exception {
		this.wecom.tokenLifetime(Duration.ofSeconds(4));
		WxWorkAgent agent = instance("secret-a");
		this.redis.stop();
		assertThat(agent.users().get("zhangsan").userid()).isEqualTo("zhangsan");
		assertThat(agent.users().get("zhangsan").userid()).isEqualTo("zhangsan");
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);

		this.redis.restart();
		// The token is refreshed ahead of its expiry (after half of its 4 s life here), through Redis again.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		while (!this.redis.cli("KEYS", "wxwork-test:token:*").contains("wxwork-test:token:{corp1:")) {
			assertThat(System.nanoTime()).as("the token is stored in Redis again").isLessThan(deadline);
			assertThat(agent.users().get("zhangsan").userid()).isEqualTo("zhangsan");
			Thread.sleep(100);
		}
		assertThat(this.wecom.gettokenCalls()).isBetween(2, 3);
	}

	@Test
	void aRestartedEmptyRedisCostsOneRefreshForTheCluster() throws Exception {
		this.wecom.tokenLifetime(Duration.ofSeconds(2));
		List<WxWorkAgent> agents = cluster("secret-a");
		callAllAtOnce(agents);
		this.redis.restart();
		Thread.sleep(1200);
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
	}

	private long redisCommandsExceptStats() {
		long total = 0;
		for (String line : this.redis.cli("INFO", "commandstats").lines().toList()) {
			if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info") && !line.startsWith("cmdstat_config")) {
				String calls = line.substring(line.indexOf("calls=") + 6);
				total += Long.parseLong(calls.substring(0, calls.indexOf(',')));
			}
		}
		return total;
	}

}

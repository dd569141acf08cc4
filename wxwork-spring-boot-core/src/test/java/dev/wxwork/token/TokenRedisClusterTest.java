package dev.wxwork.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisCluster;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cluster scenarios against a real local Redis Cluster of three masters, through Lettuce
 * cluster connection factories with Spring Boot's default client settings. A script over keys of two
 * hash slots would fail here with CROSSSLOT; the keys of one credential carry one hash tag.
 */
class TokenRedisClusterTest {

	private static final int INSTANCES = 3;

	private static final int CALLERS_PER_INSTANCE = 16;

	private static RedisCluster redis;

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("secret-a")
		.secret("secret-b")
		.gettokenLatency(Duration.ofMillis(150));

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final List<RedisCommandGuard> guards = new ArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * CALLERS_PER_INSTANCE);

	@BeforeAll
	static void startCluster() {
		redis = RedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		redis.close();
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.guards.forEach(RedisCommandGuard::close);
		this.wecom.close();
		redis.flushAll();
	}

	private WxWorkAgent instance(String secret) {
		LettuceConnectionFactory connectionFactory = redis.newConnectionFactory();
		this.connections.add(connectionFactory);
		// A running instance is connected: the cluster topology and the node of the key are known.
		new StringRedisTemplate(connectionFactory).opsForValue()
			.get(new CredentialKeys("wxwork-test").accessToken("corp1", secret));
		RedisCommandGuard guard = new RedisCommandGuard(Duration.ofMillis(500), Duration.ofSeconds(5));
		this.guards.add(guard);
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}");
		return TokenClusters.agent(this.wecom.baseUrl(), secret, connectionFactory, guard);
	}

	private List<WxWorkAgent> cluster(String secret) {
		return TokenClusters.cluster(INSTANCES, () -> instance(secret));
	}

	private int callAllAtOnce(List<WxWorkAgent> agents) throws Exception {
		return TokenClusters.callAllAtOnce(this.pool, agents, CALLERS_PER_INSTANCE);
	}

	@Test
	void oneGettokenForTheClusterOnAColdStartAfter42001AndAfter40014() throws Exception {
		List<WxWorkAgent> agents = cluster("secret-a");
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);

		this.wecom.expireAllTokens();
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);

		this.wecom.invalidateAllTokens();
		assertThat(callAllAtOnce(agents)).isEqualTo(INSTANCES * CALLERS_PER_INSTANCE);
		assertThat(this.wecom.gettokenCalls()).isEqualTo(3);
		assertThat(agents).extracting(WxWorkAgent::accessToken).containsOnly(agents.get(0).accessToken());
		assertThat(this.guards).noneMatch(RedisCommandGuard::isBypassed);
		assertThat(this.guards).allMatch((guard) -> guard.health().lastFailure() == null);
	}

	@Test
	void theKeysOfOneCredentialShareAHashSlotAndTwoSecretsUseTwoSlots() throws Exception {
		WxWorkAgent a = instance("secret-a");
		WxWorkAgent b = instance("secret-b");
		assertThat(a.accessToken()).isNotEqualTo(b.accessToken());
		String keyA = new CredentialKeys("wxwork-test").accessToken("corp1", "secret-a");
		String keyB = new CredentialKeys("wxwork-test").accessToken("corp1", "secret-b");
		String slotA = redis.cli("CLUSTER", "KEYSLOT", keyA);
		assertThat(redis.cli("CLUSTER", "KEYSLOT", keyA + ":lock")).isEqualTo(slotA);
		assertThat(redis.cli("CLUSTER", "KEYSLOT", keyA + ":generation")).isEqualTo(slotA);
		assertThat(redis.cli("CLUSTER", "KEYSLOT", keyB)).isNotEqualTo(slotA);
		assertThat(redis.cli(redis.nodeOf(keyA), "GET", keyA)).endsWith(":" + a.accessToken());
		assertThat(redis.cli(redis.nodeOf(keyA), "GET", keyA + ":generation")).isEqualTo("1");
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
	}

	@Test
	void steadyStateCostsNoRedisCommandOnAnyNode() throws Exception {
		List<WxWorkAgent> agents = cluster("secret-a");
		callAllAtOnce(agents);
		long before = commandsOnAllNodes();
		for (int round = 0; round < 50; round++) {
			for (WxWorkAgent agent : agents) {
				agent.users().get("zhangsan");
			}
		}
		// Lettuce's cluster topology refresh is off by default, so only our commands would count.
		assertThat(commandsOnAllNodes() - before).isZero();
	}

	private static long commandsOnAllNodes() {
		long total = 0;
		for (int port : redis.ports()) {
			for (String line : redis.cli(port, "INFO", "commandstats").lines().toList()) {
				if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info") && !line.startsWith("cmdstat_cluster")
						&& !line.startsWith("cmdstat_ping") && !line.startsWith("cmdstat_flushall")
						&& !line.startsWith("cmdstat_command") && !line.startsWith("cmdstat_client")
						&& !line.startsWith("cmdstat_hello")) {
					String calls = line.substring(line.indexOf("calls=") + 6);
					total += Long.parseLong(calls.substring(0, calls.indexOf(',')));
				}
			}
		}
		return total;
	}

}

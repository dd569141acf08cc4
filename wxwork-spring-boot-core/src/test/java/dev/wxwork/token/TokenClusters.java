package dev.wxwork.token;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.redis.RedisCommandGuard;

/**
 * What the token cluster tests share: instances built as separate JVMs would build them (each with its
 * own Redis connection, HTTP client and agent), and every caller of every instance calling at once.
 */
final class TokenClusters {

	private TokenClusters() {
	}

	/** One instance's agent of app {@code app} of corp {@code corp1}, its tokens in Redis. */
	static WxWorkAgent agent(String baseUrl, String secret, LettuceConnectionFactory connectionFactory,
			RedisCommandGuard guard) {
		WxWorkHttpClient http = new WxWorkHttpClient(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(10),
				RetryPolicy.defaults());
		return new WxWorkAgent("app", 1L, "corp1", secret, http, new RedisAccessTokenStore(connectionFactory, guard),
				new CredentialKeys("wxwork-test"), TokenSettings.defaults(), Clock.systemUTC());
	}

	/** As many instances as asked for, each built anew. */
	static List<WxWorkAgent> cluster(int instances, Supplier<WxWorkAgent> instance) {
		List<WxWorkAgent> agents = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			agents.add(instance.get());
		}
		return agents;
	}

	/** Every caller of every instance calls the API at once; returns how many succeeded. */
	static int callAllAtOnce(ExecutorService pool, List<WxWorkAgent> agents, int callersPerInstance) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> calls = new ArrayList<>();
		for (WxWorkAgent agent : agents) {
			for (int i = 0; i < callersPerInstance; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return agent.users().get("zhangsan").userid();
				}));
			}
		}
		start.countDown();
		int succeeded = 0;
		for (Future<String> call : calls) {
			if ("zhangsan".equals(call.get(60, TimeUnit.SECONDS))) {
				succeeded++;
			}
		}
		return succeeded;
	}

}

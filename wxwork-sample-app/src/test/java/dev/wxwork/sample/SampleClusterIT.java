package dev.wxwork.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged jar on one real {@code redis-server}, both calling ONE simulated WeCom
 * (instance A's), as two instances of a service call one WeCom: they share one access token and one
 * callback deduplication. Redis and both instances are killed at the end, whatever happened.
 */
class SampleClusterIT {

	private static final String CORP_ID = "wx5823bf96d3bd56c7";

	// The demo app's secret in application.yml; it must never reach Redis.
	private static final String SECRET = "demo-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static RedisServerProcess redis;

	private static SampleAppProcess a;

	private static SampleAppProcess b;

	@BeforeAll
	static void startRedisAndTwoInstances() throws Exception {
		redis = RedisServerProcess.start("sample-cluster-it-redis.log");
		String redisArgument = "--spring.data.redis.port=" + redis.port();
		// The library's own Redis deadline (500 ms by default) is meant for a healthy machine; on one loaded by
		// parallel builds a command can miss it, which opens the shared breaker and sends tokens and
		// deduplication to process memory for a while: correct behaviour, but not what this test measures.
		String deadline = "--wxwork.redis.command-timeout=3s";
		a = SampleAppProcess.start("sample-cluster-it-a.log", "--wxwork.token-store=redis", redisArgument, deadline);
		// B's own simulator stays unused: it calls A's, so both instances talk to one WeCom.
		b = SampleAppProcess.start("sample-cluster-it-b.log", "--wxwork.token-store=redis", redisArgument, deadline,
				"--wxwork.api-base-url=" + a.baseUrl() + "/simulator");
		Instant started = Instant.now().plus(STARTUP);
		a.awaitStarted(started);
		b.awaitStarted(started);
	}

	@AfterAll
	static void killEverything() throws IOException {
		try {
			close(a);
		}
		finally {
			try {
				close(b);
			}
			finally {
				if (redis != null) {
					redis.close();
				}
			}
		}
	}

	@Test
	void bothInstancesShareOneAccessTokenThroughRedis() throws Exception {
		// Cold start, concurrently on both instances: neither has a token, and only one may ask WeCom.
		int concurrent = 20;
		List<HttpResponse<String>> responses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
			for (int i = 0; i < concurrent; i++) {
				SampleAppProcess instance = (i % 2 == 0) ? a : b;
				String content = "concurrent " + i;
				sends.add(() -> {
					go.await();
					return instance.postJson("/messages", message("zhangsan", content));
				});
			}
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			sends.forEach((send) -> futures.add(pool.submit(send)));
			go.countDown();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		// Then in turn, A, B, A, ...
		int alternating = 6;
		for (int i = 0; i < alternating; i++) {
			responses.add(((i % 2 == 0) ? a : b).postJson("/messages", message("lisi", "in turn " + i)));
		}
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).path("msgid").asString()).isNotBlank();
		});

		JsonNode stats = JSON.readTree(a.get("/simulator/stats").body());
		assertThat(stats.path("messagesAccepted").asLong()).as("messages that reached the one simulator")
			.isEqualTo(concurrent + alternating);
		assertThat(stats.path("gettokenCalls").asLong()).as("gettoken calls for %d messages over 2 instances",
				concurrent + alternating)
			.isEqualTo(1);
		assertThat(stats.path("tokensIssued").asLong()).isEqualTo(1);
		JsonNode unused = JSON.readTree(b.get("/simulator/stats").body());
		assertThat(unused.path("gettokenCalls").asLong()).as("calls to B's own simulator").isZero();
		assertThat(unused.path("messagesAccepted").asLong()).as("messages to B's own simulator").isZero();

		// One shared token key: corp id and a fingerprint of the secret (a Redis Cluster hash tag), never the
		// secret itself; next to it the write fence of the same credential.
		List<String> keys = redis.cli("KEYS", "wxwork:token:*").stream().filter((key) -> !key.endsWith(":generation")).toList();
		assertThat(keys).singleElement().satisfies((key) -> {
			assertThat(key).matches("wxwork:token:\\{" + CORP_ID + ":[0-9a-f]{32}\\}");
			assertThat(key).doesNotContain(SECRET);
		});
		assertThat(redis.cli("KEYS", "wxwork:token:*")).hasSize(2).contains(keys.get(0) + ":generation");
		// Checked without printing the value: it holds the token.
		String value = String.join("\n", redis.cli("GET", keys.get(0)));
		assertThat(value.matches("\\d+:\\d+:.+")).as("the stored value is <expiry millis>:<refresh millis>:<token>").isTrue();
		assertThat(value.contains(SECRET)).as("the stored value contains the secret").isFalse();
		long ttl = Long.parseLong(redis.cli("TTL", keys.get(0)).get(0));
		assertThat(ttl).as("the key's expiry in seconds").isBetween(1L, 7200L);
	}

	@Test
	void aCallbackRetriedToTheOtherInstanceIsHandledOnce() throws Exception {
		deliveredOnceWhenRetriedTo(a, b, "first to A");
		deliveredOnceWhenRetriedTo(b, a, "first to B");
	}

	private static void deliveredOnceWhenRetriedTo(SampleAppProcess first, SampleAppProcess retry, String content)
			throws Exception {
		ObjectNode message = JSON.createObjectNode()
			.put("msgType", "text")
			.put("fromUser", "wangwu")
			.put("content", content)
			.put("target", first.baseUrl());
		JsonNode handled = push(message);
		assertThat(handled.path("status").asInt()).isEqualTo(200);
		assertThat(handled.path("replyContent").asString()).isEqualTo("echo: " + content);
		String msgId = handled.path("msgId").asString();
		// WeCom's retry of the same MsgId, sealed anew, reaching the other instance behind the load balancer.
		JsonNode retried = push(message.put("target", retry.baseUrl())
			.put("msgId", msgId)
			.put("createTime", handled.path("createTime").asLong()));
		assertThat(retried.path("status").asInt()).isEqualTo(200);
		assertThat(retried.path("reply").isNull()).as("no second reply to a retry on the other instance").isTrue();
		assertThat(eventsWithMsgId(first, msgId)).as("the callback in the first instance's /events").hasSize(1);
		assertThat(eventsWithMsgId(retry, msgId)).as("the callback in the other instance's /events").isEmpty();
		assertThat(redis.cli("KEYS", "wxwork:callback:" + CORP_ID + ":demo:*")).filteredOn((key) -> key.contains(msgId))
			.as("the shared deduplication key")
			.hasSize(1);
	}

	private static List<JsonNode> eventsWithMsgId(SampleAppProcess instance, String msgId) throws Exception {
		HttpResponse<String> response = instance.get("/events");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		JSON.readTree(response.body()).forEach((event) -> {
			if (msgId.equals(event.path("msgId").asString())) {
				events.add(event);
			}
		});
		return events;
	}

	private static JsonNode push(ObjectNode request) throws Exception {
		// Always through A's simulator; "target" says which instance receives the callback.
		HttpResponse<String> response = a.postJson("/simulator/push", JSON.writeValueAsString(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String message(String toUser, String content) {
		return JSON.writeValueAsString(JSON.createObjectNode().put("toUser", toUser).put("content", content));
	}

	private static void close(SampleAppProcess app) {
		if (app != null) {
			app.close();
		}
	}

}

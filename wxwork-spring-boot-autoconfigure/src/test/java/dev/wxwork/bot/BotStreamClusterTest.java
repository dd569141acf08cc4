package dev.wxwork.bot;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComCrypto;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load balancer sends WeCom's refresh polls of a stream to any instance: with Redis, every instance
 * answers them from the same state. Two application contexts on one real redis-server.
 */
class BotStreamClusterTest {

	private static final String KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";

	static final AtomicInteger handled = new AtomicInteger();

	// the answer of the "held" message: the test decides when its chunks come
	static volatile Sinks.Many<String> held;

	private final RedisServer redis = RedisServer.start();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.redis.close();
	}

	@Test
	void anotherInstanceAnswersTheRefreshPollsOfAStreamFromRedis() {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		WeComBotDriver toFirst = sender(first);
		WeComBotDriver toSecond = sender(second);
		JsonNode opened = toFirst.send(WeComBotDriver.text("zhangsan", "a b c d e f"));
		String id = opened.at("/stream/id").asString();
		assertThat(opened.at("/stream/finish").asBoolean()).isFalse();

		List<String> updates = BotCallbackModeTest.pollUntilFinished(toSecond, id, opened);

		assertThat(updates.get(updates.size() - 1)).isEqualTo("a b c d e f ");
		for (int i = 1; i < updates.size(); i++) {
			assertThat(updates.get(i)).startsWith(updates.get(i - 1));
		}
		assertThat(endpoint(second).openStreamCount()).isZero();
		assertThat(this.redis.cli("EXISTS", "wxwork:bot-stream:" + id)).isEqualTo("1");
	}

	@Test
	void aHundredConcurrentStreamedAnswersAllCompleteInOrderOnTheOtherInstance() throws Exception {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		WeComBotDriver toFirst = sender(first);
		WeComBotDriver toSecond = sender(second);
		java.util.concurrent.ExecutorService wecom = java.util.concurrent.Executors.newFixedThreadPool(16);
		try {
			List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				String words = "q" + i + " w" + i + " e" + i + " r" + i;
				answers.add(wecom.submit(() -> {
					JsonNode opened = toFirst.send(WeComBotDriver.text("user", words));
					return BotCallbackModeTest.pollUntilFinished(toSecond, opened.at("/stream/id").asString(), opened);
				}));
			}
			for (int i = 0; i < 100; i++) {
				List<String> updates = answers.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(updates.get(updates.size() - 1)).isEqualTo("q" + i + " w" + i + " e" + i + " r" + i + " ");
				for (int j = 1; j < updates.size(); j++) {
					assertThat(updates.get(j)).startsWith(updates.get(j - 1));
				}
			}
		}
		finally {
			wecom.shutdownNow();
		}
		// the producing instance forgets a stream right after saving its end, which the poll may overtake
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (endpoint(first).openStreamCount() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(endpoint(first).openStreamCount()).isZero();
	}

	@Test
	void aShutDownInstanceEndsItsStreamsVisiblyForTheOthers() {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		WeComBotDriver toSecond = sender(second);
		held = Sinks.many().unicast().onBackpressureBuffer();
		JsonNode opened = sender(first).send(WeComBotDriver.text("zhangsan", "held"));
		String id = opened.at("/stream/id").asString();
		held.tryEmitNext("half an answer");
		awaitContent(toSecond, id, "half an answer");

		first.close();

		List<String> updates = BotCallbackModeTest.pollUntilFinished(toSecond, id, opened);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("half an answer\n\nSorry, something went wrong while answering.");
	}

	@Test
	void aRepeatedCallbackReachingAnotherInstanceIsHandledOnce() {
		handled.set(0);
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		WeComBotDriver toFirst = sender(first);
		WeComCrypto.Sealed message = toFirst.crypto().seal(WeComBotDriver.text("lisi", "once"));
		HttpResponse<String> delivered = toFirst.post(message);
		HttpResponse<String> repeated = sender(second).post(message);
		assertThat(delivered.body()).isNotEmpty();
		assertThat(repeated.statusCode()).isEqualTo(200);
		assertThat(repeated.body()).isEmpty();
		assertThat(handled).hasValue(1);
	}

	@Test
	void theProducingInstanceFinishesTheStreamWhenRedisIsKilled() {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		WeComBotDriver toFirst = sender(first);
		WeComBotDriver toSecond = sender(second);
		held = Sinks.many().unicast().onBackpressureBuffer();
		JsonNode opened = toFirst.send(WeComBotDriver.text("zhangsan", "held"));
		String id = opened.at("/stream/id").asString();
		held.tryEmitNext("before ");
		JsonNode fromSecond = awaitContent(toSecond, id, "before ");
		assertThat(fromSecond.at("/stream/finish").asBoolean()).isFalse();

		killRedis();
		held.tryEmitNext("after");
		held.tryEmitComplete();

		// the other instance cannot read the state: it leaves the poll unanswered rather than end the stream
		HttpResponse<String> unanswered = toSecond.post(toSecond.crypto().seal(WeComBotDriver.refresh("zhangsan", id)));
		assertThat(unanswered.statusCode()).isEqualTo(200);
		assertThat(unanswered.body()).isEmpty();
		// the producing instance answers from its own memory
		List<String> updates = BotCallbackModeTest.pollUntilFinished(toFirst, id, fromSecond);
		assertThat(updates.get(updates.size() - 1)).isEqualTo("before after");
	}

	private static JsonNode awaitContent(WeComBotDriver wecom, String id, String content) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode reply = wecom.send(WeComBotDriver.refresh("zhangsan", id));
			if (reply.at("/stream/content").asString().equals(content)) {
				return reply;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("stream " + id + " never showed " + content);
	}

	private void killRedis() {
		// redis-server renames its process to "redis-server 127.0.0.1:<port>"
		String address = "127.0.0.1:" + this.redis.port();
		String argument = "--port " + this.redis.port();
		ProcessHandle.current().children()
			.filter((process) -> {
				String line = commandLine(process);
				return line.contains("redis-server") && (line.contains(address) || line.contains(argument));
			})
			.forEach((process) -> {
				// SIGKILL: Redis dies without closing its connections cleanly
				process.destroyForcibly();
				process.onExit().join();
			});
		assertThat(this.redis.cli("PING")).doesNotContain("PONG");
	}

	private static String commandLine(ProcessHandle process) {
		// ProcessHandle.Info hides a command line the process rewrote, as redis-server does
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/cmdline"))
				.replace('\0', ' ');
		}
		catch (java.io.IOException ex) {
			return "";
		}
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "spring.data.redis.port=" + this.redis.port(),
					"spring.data.redis.timeout=2s", "wxwork.bots.cluster.callback.token=clustertoken",
					"wxwork.bots.cluster.callback.encoding-aes-key=" + KEY)
			.run();
		this.contexts.add(context);
		return context;
	}

	private static BotCallbackEndpoint endpoint(ConfigurableApplicationContext context) {
		return context.getBean(BotEndpointRegistrar.class).endpoints().get("cluster");
	}

	private static WeComBotDriver sender(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return new WeComBotDriver("http://127.0.0.1:" + port + "/wxwork/bots/cluster/callback", "clustertoken", KEY);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClusterBot.class)
	static class App {

	}

	@WxWorkBot("cluster")
	static class ClusterBot {

		@OnBotMessage
		Flux<String> answer(BotTextMessage text) {
			handled.incrementAndGet();
			if (text.content().equals("held")) {
				return held.asFlux();
			}
			return Flux.fromArray(text.content().split(" ")).map((word) -> word + " ").delayElements(Duration.ofMillis(80));
		}

	}

}

package dev.wxwork.callback;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComCrypto;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry of a callback whose handler is still running never gets a 200 for work that may still fail:
 * it waits for the first delivery's outcome, and is answered 503 when that delivery failed, so that
 * WeCom's next retry runs the handler again. In one JVM and across two instances sharing Redis.
 */
class SlowFailingHandlerTest {

	private static final String CORP_ID = "wwslowfailing";

	private static final String TOKEN = "slow-token";

	private static final String KEY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

	private static final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	private static final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();

	private static final Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();

	private RedisServer redis;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@AfterEach
	void stop() {
		if (this.first != null) {
			this.first.close();
		}
		if (this.second != null) {
			this.second.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void aRetryWhileTheFirstDeliveryRunsIsNotAcknowledgedWhenThatDeliveryFailsInOneInstance() throws Exception {
		this.first = start("wxwork.callback.deduplication=memory");
		WeComCallbackSender wecom = sender(this.first);
		retryOfAFailingDeliveryIsRunByTheNextRetry(wecom, wecom, "fail-once in one instance");
	}

	@Test
	void aRetryWhileTheFirstDeliveryRunsIsNotAcknowledgedWhenThatDeliveryFailsOnAnotherInstance() throws Exception {
		this.redis = RedisServer.start();
		this.first = start(redisProperties());
		this.second = start(redisProperties());
		retryOfAFailingDeliveryIsRunByTheNextRetry(sender(this.first), sender(this.second), "fail-once across instances");
	}

	@Test
	void aRetryWhileTheFirstDeliveryRunsGetsItsReplyInOneInstance() throws Exception {
		this.first = start("wxwork.callback.deduplication=memory");
		WeComCallbackSender wecom = sender(this.first);
		WeComCrypto.Sealed message = wecom.crypto().seal(wecom.text("lisi", "slow"));
		CompletableFuture<WeComCallbackSender.CallbackResponse> delivery = CompletableFuture.supplyAsync(() -> wecom.send(message));
		awaitStart("slow");
		WeComCallbackSender.CallbackResponse retry = wecom.send(message);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(finished.get("slow").getCount()).isZero();
		assertThat(wecom.crypto().openReply(retry.body())).contains("echo: slow");
		assertThat(delivery.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(runs.get("slow")).hasValue(1);
	}

	@Test
	void aRetryOnAnotherInstanceWaitsForTheFirstDeliveryToSucceed() throws Exception {
		this.redis = RedisServer.start();
		this.first = start(redisProperties());
		this.second = start(redisProperties());
		WeComCallbackSender toFirst = sender(this.first);
		WeComCallbackSender toSecond = sender(this.second);
		WeComCrypto.Sealed message = toFirst.crypto().seal(toFirst.text("lisi", "slow across instances"));
		CompletableFuture<WeComCallbackSender.CallbackResponse> delivery = CompletableFuture.supplyAsync(() -> toFirst.send(message));
		awaitStart("slow across instances");
		WeComCallbackSender.CallbackResponse retry = toSecond.send(message);
		// answered only once the first delivery's handler succeeded; its reply went to the first connection
		assertThat(retry.status()).isEqualTo(200);
		assertThat(finished.get("slow across instances").getCount()).isZero();
		assertThat(delivery.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(runs.get("slow across instances")).hasValue(1);
	}

	private void retryOfAFailingDeliveryIsRunByTheNextRetry(WeComCallbackSender firstInstance,
			WeComCallbackSender otherInstance, String content) throws Exception {
		WeComCrypto.Sealed message = firstInstance.crypto().seal(firstInstance.text("zhangsan", content));
		CompletableFuture<WeComCallbackSender.CallbackResponse> delivery = CompletableFuture.supplyAsync(() -> firstInstance.send(message));
		awaitStart(content);
		// WeCom's retry while the first delivery is still running (its handler sleeps 1.5 s, then throws)
		WeComCallbackSender.CallbackResponse retry = otherInstance.send(message);
		assertThat(delivery.get(10, TimeUnit.SECONDS).status()).isEqualTo(500);
		assertThat(retry.status()).isEqualTo(503);
		assertThat(runs.get(content)).hasValue(1);

		WeComCallbackSender.CallbackResponse nextRetry = otherInstance.send(message);
		assertThat(nextRetry.status()).isEqualTo(200);
		assertThat(otherInstance.crypto().openReply(nextRetry.body())).contains("echo: " + content);
		assertThat(runs.get(content)).hasValue(2);

		WeComCallbackSender.CallbackResponse lateRetry = firstInstance.send(message);
		assertThat(lateRetry.status()).isEqualTo(200);
		assertThat(lateRetry.body()).isEmpty();
		assertThat(runs.get(content)).hasValue(2);
	}

	private static void awaitStart(String content) throws InterruptedException {
		assertThat(started.computeIfAbsent(content, (key) -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS)).isTrue();
	}

	private String[] redisProperties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.redis.port(),
				"spring.data.redis.timeout=2s" };
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "wxwork.corp-id=" + CORP_ID, "wxwork.token-store=memory",
					"wxwork.agents.bot.agent-id=1000002", "wxwork.agents.bot.secret=unused",
					"wxwork.agents.bot.callback.token=" + TOKEN, "wxwork.agents.bot.callback.encoding-aes-key=" + KEY)
			// a retry waits up to 4.9 s for a first delivery of 1.5 s: room for a loaded machine
			.properties("wxwork.callback.retry-wait=4900ms")
			.properties(properties)
			.run();
	}

	private static WeComCallbackSender sender(ConfigurableApplicationContext context) {
		return WeComCallbackSender.of("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
				+ "/wxwork/bot/callback", TOKEN, KEY, CORP_ID);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SlowHandler.class)
	static class App {

	}

	@WxWorkCallback(agent = "bot")
	static class SlowHandler {

		@OnMessage
		Reply echo(TextMessage message) throws InterruptedException {
			int run = runs.computeIfAbsent(message.content(), (key) -> new AtomicInteger()).incrementAndGet();
			started.computeIfAbsent(message.content(), (key) -> new CountDownLatch(1)).countDown();
			if (run == 1) {
				Thread.sleep(1500);
				if (message.content().startsWith("fail-once")) {
					throw new IllegalStateException("the first run fails");
				}
			}
			finished.computeIfAbsent(message.content(), (key) -> new CountDownLatch(1)).countDown();
			return Reply.text("echo: " + message.content());
		}

	}

}

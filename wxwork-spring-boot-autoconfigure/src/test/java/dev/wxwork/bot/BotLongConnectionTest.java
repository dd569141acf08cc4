package dev.wxwork.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.wxwork.test.WeComBotServerStandIn;
import dev.wxwork.test.WeComBotServerStandIn.Frame;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long-connection mode of a bot against a strict local stand-in of WeCom's bot WebSocket server:
 * the same handlers as in callback mode, replies per req_id in order and acked, heartbeats, reconnects,
 * eviction by a newer connection and a clean shutdown.
 */
@ExtendWith(OutputCaptureExtension.class)
class BotLongConnectionTest {

	private static final String BOT_ID = "aib-4711";

	private static final String SECRET = "s3cr3t-never-logged";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private WeComBotServerStandIn wecom;

	private ExecutorService executor;

	private final List<BotLongConnection> connections = new ArrayList<>();

	@BeforeEach
	void start() {
		this.wecom = WeComBotServerStandIn.start().bot(BOT_ID, SECRET);
		this.executor = Executors.newCachedThreadPool();
	}

	@AfterEach
	void stop() {
		this.connections.forEach(BotLongConnection::destroy);
		this.executor.shutdownNow();
		this.wecom.close();
	}

	private BotLongConnection connection(String secret, BotLongConnection.Options options) {
		BotDispatcher dispatcher = BotDispatcher.builder("assistant").add(new EchoBot(), EchoBot.class).build();
		BotCallbackEndpoint.Settings settings = new BotCallbackEndpoint.Settings(Duration.ofMinutes(5), 65536, "wxwork",
				Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(4),
				"Sorry, that failed.", "More follows.");
		BotLongConnection connection = new BotLongConnection("assistant", BOT_ID, secret,
				java.net.URI.create(this.wecom.url()), dispatcher, this.executor, settings, options);
		this.connections.add(connection);
		return connection;
	}

	private static BotLongConnection.Options fast() {
		return new BotLongConnection.Options(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(400),
				Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(15));
	}

	private BotLongConnection connected() {
		BotLongConnection connection = connection(SECRET, fast());
		connection.start();
		await("subscribed", WAIT, connection::isConnected);
		return connection;
	}

	@Test
	void subscribesFirstWithTheBotIdAndSecret() {
		connected();
		Frame first = this.wecom.frames((frame) -> frame.inbound()).get(0);
		assertThat(first.command()).isEqualTo("aibot_subscribe");
		assertThat(first.body().path("bot_id").asString()).isEqualTo(BOT_ID);
		assertThat(first.body().path("secret").asString()).isEqualTo(SECRET);
		assertThat(first.requestId()).startsWith("aibot_subscribe_");
		assertThat(this.wecom.isSubscribed(BOT_ID)).isTrue();
	}

	@Test
	void answersATextWithAStreamedEchoOfCumulativeUpdatesEachSentAfterTheAckOfThePrevious(CapturedOutput output) {
		connected();
		String requestId = this.wecom.pushText(BOT_ID, "zhangsan", "hello there");
		List<Frame> replies = awaitFinished(requestId);
		assertThat(replies).hasSizeGreaterThanOrEqualTo(2);
		assertThat(replies).allSatisfy((frame) -> assertThat(frame.command()).isEqualTo("aibot_respond_msg"));
		String streamId = replies.get(0).body().at("/stream/id").asString();
		assertThat(streamId).isNotBlank();
		for (int i = 0; i < replies.size(); i++) {
			JsonNode stream = replies.get(i).body().path("stream");
			assertThat(replies.get(i).body().path("msgtype").asString()).isEqualTo("stream");
			assertThat(stream.path("id").asString()).isEqualTo(streamId);
			assertThat(stream.path("finish").asBoolean()).isEqualTo(i == replies.size() - 1);
			if (i > 0) {
				// each update is the whole text so far
				assertThat(stream.path("content").asString())
					.startsWith(replies.get(i - 1).body().at("/stream/content").asString());
			}
		}
		assertThat(replies.get(replies.size() - 1).body().at("/stream/content").asString()).isEqualTo("echo: hello there");
		// in the recorded order, each reply frame comes after the stand-in's ack of the previous one
		List<Frame> all = this.wecom.frames((frame) -> requestId.equals(frame.requestId()));
		List<String> sequence = all.stream()
			.map((frame) -> frame.inbound() ? "reply" : (frame.command() != null) ? "callback"
					: "ack " + frame.json().path("errcode").asInt())
			.toList();
		List<String> expected = new ArrayList<>(List.of("callback"));
		replies.forEach((reply) -> expected.addAll(List.of("reply", "ack 0")));
		assertThat(sequence).containsExactlyElementsOf(expected);
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void welcomesAnEnterChatWithTheWelcomeFrame() {
		connected();
		String requestId = this.wecom.pushEnterChat(BOT_ID, "zhangsan");
		await("the welcome", WAIT, () -> !replies(requestId).isEmpty());
		Frame welcome = replies(requestId).get(0);
		assertThat(welcome.command()).isEqualTo("aibot_respond_welcome_msg");
		assertThat(welcome.body().path("msgtype").asString()).isEqualTo("text");
		assertThat(welcome.body().at("/text/content").asString()).isEqualTo("welcome");
		await("the ack", WAIT, () -> acks(requestId).contains(0));
	}

	@Test
	void updatesTheClickedCardWithTheUpdateFrame() {
		connected();
		JsonNode click = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree("{\"card_type\":\"button_interaction\",\"event_key\":\"yes\",\"task_id\":\"task-1\"}");
		String requestId = this.wecom.pushEvent(BOT_ID, "zhangsan", "template_card_event", click);
		await("the card update", WAIT, () -> !replies(requestId).isEmpty());
		Frame update = replies(requestId).get(0);
		assertThat(update.command()).isEqualTo("aibot_respond_update_msg");
		assertThat(update.body().path("response_type").asString()).isEqualTo("update_template_card");
		assertThat(update.body().at("/template_card/task_id").asString()).isEqualTo("task-1");
		assertThat(update.body().path("userids").get(0).asString()).isEqualTo("zhangsan");
	}

	@Test
	void pingsAndReconnectsWhenTwoPingsGoUnanswered() {
		BotLongConnection connection = connection(SECRET, new BotLongConnection.Options(Duration.ofMillis(200),
				Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(15)));
		connection.start();
		await("subscribed", WAIT, connection::isConnected);
		await("acked pings", WAIT, () -> pings(1).size() >= 2);
		this.wecom.ignorePings(true);
		await("a new connection after unanswered pings", WAIT, () -> this.wecom.connections() >= 2);
		this.wecom.ignorePings(false);
		await("subscribed again", WAIT, () -> this.wecom.subscribedConnection(BOT_ID) >= 2 && connection.isConnected());
		int unanswered = 0;
		for (Frame ping : pings(1)) {
			String id = ping.requestId();
			if (this.wecom.frames((frame) -> !frame.inbound() && id.equals(frame.requestId())).isEmpty()) {
				unanswered++;
			}
		}
		assertThat(unanswered).isEqualTo(2);
		String requestId = this.wecom.pushText(BOT_ID, "zhangsan", "still there?");
		assertThat(awaitFinished(requestId).get(0).connection()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void reconnectsAfterTheServerDropsTheConnection() {
		BotLongConnection connection = connected();
		this.wecom.drop(BOT_ID);
		await("subscribed again", WAIT, () -> this.wecom.subscribedConnection(BOT_ID) == 2 && connection.isConnected());
		String requestId = this.wecom.pushText(BOT_ID, "zhangsan", "again");
		List<Frame> replies = awaitFinished(requestId);
		assertThat(replies.get(replies.size() - 1).body().at("/stream/content").asString()).isEqualTo("echo: again");
	}

	@Test
	void aRefusedSubscriptionBacksOffWithoutLoggingTheSecret(CapturedOutput output) {
		BotLongConnection connection = connection("wrong-secret-never-logged", fast());
		connection.start();
		Instant started = Instant.now();
		await("five refused subscriptions", WAIT, () -> this.wecom.subscribeAttempts().size() >= 5);
		Duration elapsed = Duration.between(started, Instant.now());
		List<Instant> attempts = this.wecom.subscribeAttempts();
		for (int i = 1; i < attempts.size(); i++) {
			// never sooner than the minimum delay, so a wrong secret does not hammer WeCom's rate protection
			assertThat(Duration.between(attempts.get(i - 1), attempts.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		}
		// no attempt is retried faster than back-off allows: at most one per minimum delay
		assertThat(attempts.size()).isLessThanOrEqualTo((int) (Duration.between(started, Instant.now()).toMillis() / 100) + 1);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(connection.isConnected()).isFalse();
		assertThat(this.wecom.frames((frame) -> !frame.inbound() && frame.command() == null && frame.json() != null)
			.get(0)
			.json()
			.path("errcode")
			.asInt()).isEqualTo(WeComBotServerStandIn.INVALID_CREDENTIAL);
		assertThat(output).contains("refused the subscription of bot 'assistant'").doesNotContain("wrong-secret-never-logged");
	}

	@Test
	void backOffDoublesFromTheMinimumToTheMaximumWithJitter() {
		BotLongConnection connection = connection(SECRET, new BotLongConnection.Options(Duration.ofSeconds(30),
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(15)));
		for (int attempt = 0; attempt < 40; attempt++) {
			long cap = Math.min(30_000, 1000L << Math.min(attempt, 20));
			for (int i = 0; i < 50; i++) {
				assertThat(connection.backoffMillis(attempt)).isBetween(1000L, cap);
			}
		}
		long distinct = java.util.stream.IntStream.range(0, 200).mapToLong((i) -> connection.backoffMillis(5)).distinct().count();
		assertThat(distinct).as("full jitter").isGreaterThan(10);
	}

	@Test
	void aNewerConnectionTakesOverAndTheEvictedOneStandsDown() {
		BotLongConnection first = connected();
		AtomicInteger evictions = new AtomicInteger();
		first.setOnEvicted(evictions::incrementAndGet);
		BotLongConnection second = connection(SECRET, fast());
		second.start();
		await("the first evicted and told", WAIT, () -> first.isEvicted() && evictions.get() == 1);
		await("the second subscribed", WAIT, second::isConnected);
		assertThat(first.isRunning()).isFalse();
		// the evicted one does not subscribe again: only the two subscriptions ever happen, well past the back-off
		await("a settled server", WAIT, () -> this.wecom.subscribedConnection(BOT_ID) == 2);
		sleep(Duration.ofMillis(1500));
		assertThat(this.wecom.subscribeAttempts()).hasSize(2);
		assertThat(this.wecom.subscribedConnection(BOT_ID)).isEqualTo(2);
		assertThat(second.isConnected()).isTrue();
	}

	@Test
	void shutdownFinishesOpenStreamsThenClosesNormally() {
		BotLongConnection connection = connected();
		String requestId = this.wecom.pushText(BOT_ID, "zhangsan", "never ends");
		await("the first update", WAIT, () -> !replies(requestId).isEmpty());
		connection.stop();
		List<Frame> replies = replies(requestId);
		Frame last = replies.get(replies.size() - 1);
		assertThat(last.body().at("/stream/finish").asBoolean()).isTrue();
		assertThat(last.body().at("/stream/content").asString()).isEqualTo("working\n\nSorry, that failed.");
		await("the close", WAIT, () -> !this.wecom.frames(Frame::isClose).isEmpty());
		assertThat(this.wecom.frames(Frame::isClose).get(0).closeCode()).isEqualTo(1000);
		List<Frame> all = this.wecom.frames();
		assertThat(all.indexOf(this.wecom.frames(Frame::isClose).get(0))).isGreaterThan(all.indexOf(last));
		assertThat(connection.isRunning()).isFalse();
		sleep(Duration.ofMillis(500));
		assertThat(this.wecom.connections()).isEqualTo(1);
	}

	private List<Frame> replies(String requestId) {
		return this.wecom.frames((frame) -> frame.inbound() && !frame.isClose() && requestId.equals(frame.requestId()));
	}

	private List<Integer> acks(String requestId) {
		return this.wecom
			.frames((frame) -> !frame.inbound() && frame.command() == null && requestId.equals(frame.requestId()))
			.stream()
			.map((frame) -> frame.json().path("errcode").asInt())
			.toList();
	}

	private List<Frame> pings(int connection) {
		return this.wecom.frames((frame) -> frame.inbound() && frame.connection() == connection && "ping".equals(frame.command()));
	}

	private List<Frame> awaitFinished(String requestId) {
		await("a finished stream", WAIT, () -> replies(requestId).stream()
			.anyMatch((frame) -> frame.body().at("/stream/finish").asBoolean()));
		await("every reply acked", WAIT, () -> acks(requestId).size() == replies(requestId).size());
		return replies(requestId);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@WxWorkBot("assistant")
	static class EchoBot {

		@OnBotMessage
		Flux<String> echo(BotTextMessage text) {
			if (text.content().equals("never ends")) {
				return Flux.concat(Flux.just("working"), Flux.never());
			}
			return Flux.just("echo: ", text.content());
		}

		@OnBotEvent
		String welcome(BotEnterChatEvent event) {
			return "welcome";
		}

		@OnBotEvent
		BotReply clicked(BotTemplateCardEvent click, BotCallback callback) {
			return BotReply.updateCard(Map.of("card_type", "text_notice", "task_id", click.taskId()), callback.userId());
		}

	}

}

package dev.wxwork.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.wxwork.test.WeComBotDriver;
import dev.wxwork.test.WeComBotServerStandIn;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged jar on one real {@code redis-server}, both configured for {@code demo-bot}'s
 * long connection to ONE bot server (the test kit's stand-in, in this JVM), as two instances of a service
 * behind one WeCom bot: exactly one of them connects; after {@code kill -9} of that one, the other connects
 * within seconds and answers the next message with its streamed echo.
 */
class SampleBotTakeoverIT {

	private static final String BOT_ID = "aib-takeover";

	private static final String SECRET = "takeover-secret";

	private static final Duration LEASE = Duration.ofSeconds(5);

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final String HOLDS = "Bot 'demo-bot' holds its connection lease; connecting";

	private static RedisServerProcess redis;

	private static WeComBotServerStandIn wecom;

	private static SampleAppProcess a;

	private static SampleAppProcess b;

	@BeforeAll
	static void startRedisTheBotServerAndTwoInstances() throws Exception {
		redis = RedisServerProcess.start("sample-bot-takeover-it-redis.log");
		wecom = WeComBotServerStandIn.start().bot(BOT_ID, SECRET);
		List<String> arguments = List.of("--wxwork.token-store=redis", "--spring.data.redis.port=" + redis.port(),
				// a loaded machine must not make a healthy holder miss its renewals (see SampleClusterIT)
				"--wxwork.redis.command-timeout=3s", "--wxwork.bots.demo-bot.bot-id=" + BOT_ID,
				"--wxwork.bots.demo-bot.secret=" + SECRET, "--wxwork.bots.demo-bot.ws-url=" + wecom.url(),
				"--wxwork.bots.demo-bot.connection.lease-time=" + LEASE.toMillis() + "ms");
		a = SampleAppProcess.start("sample-bot-takeover-it-a.log", arguments.toArray(String[]::new));
		b = SampleAppProcess.start("sample-bot-takeover-it-b.log", arguments.toArray(String[]::new));
		Instant started = Instant.now().plus(STARTUP);
		a.awaitStarted(started);
		b.awaitStarted(started);
	}

	@AfterAll
	static void killEverything() throws IOException {
		try {
			for (SampleAppProcess app : new SampleAppProcess[] { a, b }) {
				if (app != null) {
					app.close();
				}
			}
		}
		finally {
			try {
				if (wecom != null) {
					wecom.close();
				}
			}
			finally {
				if (redis != null) {
					redis.close();
				}
			}
		}
	}

	@Test
	void exactlyOneInstanceHoldsTheConnectionAndTheStandbyTakesOverAfterKill9() throws Exception {
		await("one instance subscribed", Duration.ofSeconds(60), () -> wecom.isSubscribed(BOT_ID));
		// two whole lease periods: the standby tries every third of one, and never gets it
		Instant until = Instant.now().plus(LEASE.multipliedBy(2));
		await("two lease periods", LEASE.multipliedBy(3), () -> Instant.now().isAfter(until));
		assertThat(wecom.subscribeAttempts()).as("subscriptions while both instances run").hasSize(1);
		assertThat(wecom.connections()).as("connections while both instances run").isEqualTo(1);
		SampleAppProcess holder = holds(a) ? a : b;
		SampleAppProcess standby = (holder == a) ? b : a;
		assertThat(holds(holder)).as("one instance logs that it holds the lease").isTrue();
		assertThat(holds(standby)).as("the other stands by").isFalse();

		WeComBotDriver driver = WeComBotDriver.connectedTo(wecom, BOT_ID).deadline(Duration.ofSeconds(30));
		assertThat(driver.ask("zhangsan", "before").content()).isEqualTo("echo: before");

		int first = wecom.subscribedConnection(BOT_ID);
		holder.kill();
		Instant killed = Instant.now();
		// the dead holder's lease runs out (LEASE), then the standby's next try (within a third of it) takes it
		await("the standby subscribed", Duration.ofSeconds(45),
				() -> wecom.subscribedConnection(BOT_ID) != 0 && wecom.subscribedConnection(BOT_ID) != first);
		Duration takeover = Duration.between(killed, Instant.now());
		System.out.println("SampleBotTakeoverIT: the standby subscribed " + takeover.toMillis() + " ms after kill -9 "
				+ "(lease-time " + LEASE.toMillis() + " ms)");
		assertThat(holds(standby)).as("the standby logs that it holds the lease now").isTrue();
		assertThat(wecom.subscribeAttempts()).as("one subscription each, no eviction war").hasSize(2);

		WeComBotDriver.Answer answer = driver.awaitConnected().ask("lisi", "after takeover");
		assertThat(answer.content()).isEqualTo("echo: after takeover");
		assertThat(answer.updates()).isGreaterThanOrEqualTo(2);
		assertThat(answer.finished()).isTrue();
		assertThat(answer.replies()).allSatisfy((reply) -> assertThat(reply.at("/stream/id").asString())
			.isEqualTo(answer.streamId()));
		assertThat(wecom.frames((frame) -> frame.inbound() && "aibot_respond_msg".equals(frame.command()))
			.stream()
			.filter((frame) -> frame.body().at("/stream/content").asString().equals("echo: after takeover"))
			.map(WeComBotServerStandIn.Frame::connection)
			.distinct()
			.toList()).as("the answer came over the standby's connection").containsExactly(wecom.subscribedConnection(BOT_ID));
	}

	private static boolean holds(SampleAppProcess app) {
		try {
			return Files.readString(app.log()).contains(HOLDS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

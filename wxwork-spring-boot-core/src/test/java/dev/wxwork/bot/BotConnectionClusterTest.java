package dev.wxwork.bot;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.test.WeComBotServerStandIn;

import static dev.wxwork.test.WeComBotServerStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one bot on one real {@code redis-server} and a stand-in of WeCom's bot server
 * (which, like WeCom, keeps one connection per bot and evicts the older): a lease in Redis makes
 * exactly one of them hold the connection, the standby takes over when the holder dies, and a holder
 * that loses Redis steps down before its lease can run out.
 */
class BotConnectionClusterTest {

	private static final String BOT_ID = "aib-cluster";

	private static final String SECRET = "cluster-secret";

	private static final Duration LEASE = Duration.ofSeconds(3);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private RedisServer redis;

	private WeComBotServerStandIn wecom;

	private final List<Instance> instances = new ArrayList<>();

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.wecom = WeComBotServerStandIn.start().bot(BOT_ID, SECRET);
	}

	@AfterEach
	void stop() {
		this.instances.forEach(Instance::close);
		this.wecom.close();
		this.redis.close();
	}

	@Test
	void exactlyOneInstanceConnectsAndTheStandbyTakesOverWhenTheHolderIsKilled() {
		Instance a = instance();
		Instance b = instance();
		await("one holder connected", WAIT, () -> this.wecom.isSubscribed(BOT_ID));
		// several lease periods: nobody evicts anybody, the other stands by
		await("two lease periods", WAIT, sleeping(LEASE.multipliedBy(2)));
		assertThat(this.wecom.subscribeAttempts()).hasSize(1);
		assertThat(this.wecom.frames((frame) -> "disconnected_event".equals(frame.json() == null ? null
				: frame.json().at("/body/event/eventtype").asString(null)))).isEmpty();
		assertThat(List.of(a.holder.isHolding(), b.holder.isHolding())).containsExactlyInAnyOrder(true, false);
		Instance holder = a.holder.isHolding() ? a : b;
		Instance standby = (holder == a) ? b : a;
		assertThat(this.redis.cli("EXISTS", "wxwork:bot-connection:{assistant}").trim()).isEqualTo("1");

		Instant killed = Instant.now();
		holder.kill();
		await("the standby connected", WAIT, () -> standby.holder.isHolding() && standby.connection.isConnected()
				&& this.wecom.subscribeAttempts().size() == 2);
		assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(10));
		// the standby's connection serves the bot
		String requestId = this.wecom.pushText(BOT_ID, "zhangsan", "who answers?");
		await("the echo", WAIT, () -> this.wecom.frames((frame) -> frame.inbound() && requestId.equals(frame.requestId())
				&& frame.body().at("/stream/finish").asBoolean()).size() == 1);
	}

	@Test
	void aStoppedHolderReleasesItsLeaseAndTheStandbyTakesOver() {
		Instance a = instance();
		await("a holds", WAIT, () -> a.connection.isConnected());
		Instance b = instance();
		a.holder.stop();
		await("b connected", WAIT, () -> b.connection.isConnected());
		assertThat(a.connection.isConnected()).isFalse();
		assertThat(this.wecom.subscribeAttempts()).hasSize(2);
	}

	@Test
	void aHolderThatLosesRedisStepsDownBeforeItsLeaseRunsOut() {
		Instance a = instance();
		await("a holds", WAIT, () -> a.connection.isConnected() && this.wecom.isSubscribed(BOT_ID));
		this.redis.kill();
		Instant killed = Instant.now();
		await("a steps down", WAIT, () -> !a.holder.isHolding() && !a.connection.isConnected()
				&& !this.wecom.isSubscribed(BOT_ID));
		assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(this.wecom.frames(WeComBotServerStandIn.Frame::isClose).get(0).closeCode()).isEqualTo(1000);
	}

	private Instance instance() {
		Instance instance = new Instance(this.redis, this.wecom);
		this.instances.add(instance);
		instance.holder.start();
		return instance;
	}

	private static java.util.function.BooleanSupplier sleeping(Duration duration) {
		Instant until = Instant.now().plus(duration);
		return () -> Instant.now().isAfter(until);
	}

	/** One instance of the service: its own Redis connection, guard, executor, connection and lease. */
	private static final class Instance {

		final LettuceConnectionFactory redis;

		final RedisCommandGuard guard = new RedisCommandGuard(Duration.ofMillis(300), Duration.ofMillis(700));

		final ExecutorService executor = Executors.newCachedThreadPool();

		final BotLongConnection connection;

		final BotConnectionHolder holder;

		Instance(RedisServer server, WeComBotServerStandIn wecom) {
			this.redis = server.newConnectionFactory();
			// connected before the scenario, so that no lease command pays for Lettuce's lazy connect
			this.guard.execute("warm up", () -> this.redis.getConnection().ping());
			BotDispatcher dispatcher = BotDispatcher.builder("assistant").add(new EchoBot(), EchoBot.class).build();
			BotCallbackEndpoint.Settings settings = new BotCallbackEndpoint.Settings(Duration.ofMinutes(5), 65536,
					"wxwork", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(4),
					"Sorry, that failed.", "More follows.");
			this.connection = new BotLongConnection("assistant", BOT_ID, SECRET, URI.create(wecom.url()), dispatcher,
					this.executor, settings, new BotLongConnection.Options(Duration.ofSeconds(30), Duration.ofMillis(100),
							Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(2), LEASE));
			this.holder = new BotConnectionHolder(this.connection,
					new BotConnectionLease(this.redis, this.guard, "wxwork", "assistant", LEASE));
		}

		/** What a kill -9 leaves: no release, no more renewals, no Redis connection; WeCom still sees its socket. */
		void kill() {
			this.holder.halt();
			this.redis.destroy();
		}

		void close() {
			this.holder.destroy();
			this.guard.close();
			this.executor.shutdownNow();
			this.redis.destroy();
		}

	}

	@WxWorkBot("assistant")
	static class EchoBot {

		@OnBotMessage
		Flux<String> echo(BotTextMessage text) {
			return Flux.just("echo: ", text.content());
		}

	}

}

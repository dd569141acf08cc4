package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.testing.RecordedObservations;
import dev.wxwork.testing.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hand-off an application gets, on which executor, with what context, and where failures end up. */
class AsyncCallbackHandOffConfigurationTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final AtomicLong CREATE_TIMES = new AtomicLong(System.currentTimeMillis());

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, DataRedisAutoConfiguration.class,
				WxWorkAutoConfiguration.class, WxWorkCallbackAutoConfiguration.class))
		.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.agents.demo.secret=s", "wxwork.agents.demo.agent-id=1000002",
				"wxwork.agents.demo.callback.token=t", "wxwork.agents.demo.callback.encoding-aes-key=" + KEY)
		.withUserConfiguration(Handlers.class);

	@Test
	void withoutRedisAsyncCallbacksWaitInMemory() {
		this.runner.withPropertyValues("wxwork.token-store=memory")
			.run((context) -> assertThat(context).hasSingleBean(MemoryCallbackHandOff.class)
				.doesNotHaveBean(RedisStreamCallbackHandOff.class)
				.hasSingleBean(LoggingCallbackErrorHandler.class));
	}

	@Test
	void asyncStoreRedisWithoutARedisConnectionFailsNamingTheProperty() {
		this.runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
				"org.springframework.data.redis.connection"))
			.withPropertyValues("wxwork.callback.async.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.callback.async.store"));
	}

	@Test
	void withRedisAsyncCallbacksGoToAStreamUnlessAsyncStoreIsMemory() {
		try (RedisServer redis = RedisServer.start()) {
			WebApplicationContextRunner withRedis = this.runner.withPropertyValues("spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port());
			withRedis.run((context) -> assertThat(context).hasSingleBean(RedisStreamCallbackHandOff.class)
				.doesNotHaveBean(MemoryCallbackHandOff.class));
			withRedis.withPropertyValues("wxwork.callback.async.store=memory")
				.run((context) -> assertThat(context).hasSingleBean(MemoryCallbackHandOff.class));
			withRedis.withPropertyValues("wxwork.token-store=memory", "wxwork.callback.async.store=redis")
				.run((context) -> assertThat(context).hasSingleBean(RedisStreamCallbackHandOff.class));
		}
	}

	@Test
	void closingTheContextLetsARunningHandlerFinishWhileRedisIsStillThere() {
		try (RedisServer redis = RedisServer.start()) {
			this.runner.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
				.run((context) -> {
					Handlers handlers = context.getBean(Handlers.class);
					CallbackEndpoint endpoint = context.getBean(CallbackEndpointRegistrar.class).endpoints().get("demo");
					assertThat(receive(endpoint, "slow-write").status()).isEqualTo(200);
					Instant deadline = Instant.now().plusSeconds(30);
					while (handlers.slowWritesStarted.get() == 0) {
						assertThat(Instant.now()).as("the handler started within 30 s").isBefore(deadline);
						Thread.sleep(10);
					}
					// as SIGTERM does: the web server and the Redis connection factory stop too
					context.close();
				});
			// the handler wrote to Redis a second after shutdown began, and its entry was acknowledged
			assertThat(redis.cli("GET", "written-by-handler")).isEqualTo("yes");
			assertThat(redis.cli("XLEN", "wxwork:{wwcorp:demo}:callbacks")).isEqualTo("0");
		}
	}

	@Test
	void theApplicationsExecutorRunsHandlersWithTheRequestsMdcAndObservation() {
		RecordedObservations observations = new RecordedObservations();
		this.runner.withPropertyValues("wxwork.token-store=memory")
			.withBean("wxWorkCallbackExecutor", TaskExecutor.class, () -> new SimpleAsyncTaskExecutor("app-callbacks-"))
			.withBean(ObservationRegistry.class, observations::registry)
			.run((context) -> {
				Handlers handlers = context.getBean(Handlers.class);
				CallbackEndpoint endpoint = context.getBean(CallbackEndpointRegistrar.class).endpoints().get("demo");
				Observation request = Observation.start("http.server.requests", observations.registry());
				MDC.put("requestId", "r-42");
				try (Observation.Scope scope = request.openScope()) {
					assertThat(receive(endpoint, "context").status()).isEqualTo(200);
				}
				finally {
					MDC.remove("requestId");
					request.stop();
				}
				Seen seen = handlers.await();
				assertThat(seen.thread()).startsWith("app-callbacks-");
				assertThat(seen.requestId()).isEqualTo("r-42");
				assertThat(seen.observation()).isEqualTo("wxwork.callbacks.async");
				assertThat(seen.parentObservation()).isEqualTo("http.server.requests");
			});
	}

	@Test
	void aHandlerThatKeepsFailingInMemoryReachesTheApplicationsErrorHandler() {
		List<FailedCallback> failures = new CopyOnWriteArrayList<>();
		this.runner
			.withPropertyValues("wxwork.token-store=memory", "wxwork.callback.async.max-attempts=2",
					"wxwork.callback.async.retry-backoff=10ms")
			.withBean(CallbackErrorHandler.class, () -> failures::add)
			.run((context) -> {
				CallbackEndpoint endpoint = context.getBean(CallbackEndpointRegistrar.class).endpoints().get("demo");
				assertThat(receive(endpoint, "fail").status()).isEqualTo(200);
				Instant deadline = Instant.now().plusSeconds(30);
				while (failures.isEmpty() && Instant.now().isBefore(deadline)) {
					Thread.sleep(10);
				}
				assertThat(failures).singleElement().satisfies((failure) -> {
					assertThat(failure.attempts()).isEqualTo(2);
					assertThat(failure.deadLetterId()).isNull();
					assertThat(failure.message().get("EventKey")).isEqualTo("fail");
					assertThat(failure.cause()).hasMessage("failing on purpose");
				});
				assertThat(context.getBean(Handlers.class).failedAttempts).hasSize(2);
			});
	}

	private static CallbackResponse receive(CallbackEndpoint endpoint, String eventKey) {
		SealedMessage click = new CallbackCrypto("t", KEY, "wwcorp").seal("<xml><ToUserName>wwcorp</ToUserName><FromUserName>"
				+ "zhangsan</FromUserName><CreateTime>" + CREATE_TIMES.incrementAndGet() + "</CreateTime><MsgType>event"
				+ "</MsgType><Event>click</Event><EventKey>" + eventKey + "</EventKey><AgentID>1000002</AgentID></xml>");
		return endpoint.receive(click.signature(), click.timestamp(), click.nonce(),
				click.callbackXml("wwcorp", 1000002L).getBytes(StandardCharsets.UTF_8));
	}

	record Seen(String thread, String requestId, String observation, String parentObservation) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		final List<Seen> seen = new CopyOnWriteArrayList<>();

		final List<String> failedAttempts = new CopyOnWriteArrayList<>();

		final AtomicLong slowWritesStarted = new AtomicLong();

		@Bean
		DemoCallbacks demoCallbacks(org.springframework.beans.factory.ObjectProvider<ObservationRegistry> observations,
				org.springframework.beans.factory.ObjectProvider<RedisConnectionFactory> redis) {
			return new DemoCallbacks(this, observations.getIfAvailable(() -> ObservationRegistry.NOOP), redis);
		}

		Seen await() throws InterruptedException {
			Instant deadline = Instant.now().plusSeconds(30);
			while (this.seen.isEmpty()) {
				assertThat(Instant.now()).as("the handler ran within 30 s").isBefore(deadline);
				Thread.sleep(10);
			}
			return this.seen.get(0);
		}

	}

	@WxWorkCallback(agent = "demo")
	static class DemoCallbacks {

		private final Handlers record;

		private final ObservationRegistry observations;

		private final org.springframework.beans.factory.ObjectProvider<RedisConnectionFactory> redis;

		DemoCallbacks(Handlers record, ObservationRegistry observations,
				org.springframework.beans.factory.ObjectProvider<RedisConnectionFactory> redis) {
			this.record = record;
			this.observations = observations;
			this.redis = redis;
		}

		@OnEvent(async = true)
		void clicked(MenuClickEvent click) throws InterruptedException {
			if ("slow-write".equals(click.eventKey())) {
				this.record.slowWritesStarted.incrementAndGet();
				Thread.sleep(1000);
				new StringRedisTemplate(this.redis.getObject()).opsForValue().set("written-by-handler", "yes");
				return;
			}
			if ("fail".equals(click.eventKey())) {
				this.record.failedAttempts.add(click.eventKey());
				throw new IllegalStateException("failing on purpose");
			}
			Observation current = this.observations.getCurrentObservation();
			io.micrometer.observation.ObservationView parent = (current != null) ? current.getContext().getParentObservation() : null;
			this.record.seen.add(new Seen(Thread.currentThread().getName(), MDC.get("requestId"),
					(current != null) ? current.getContext().getName() : null,
					(parent != null) ? parent.getContextView().getName() : null));
		}

	}

}

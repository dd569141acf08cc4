package dev.wxwork.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.RedisAccessTokenStore;

import static org.assertj.core.api.Assertions.assertThat;

class WxWorkAutoConfigurationTest {

	private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	private static RedisServer redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, WxWorkAutoConfiguration.class));

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	private ApplicationContextRunner withoutRedisOnClasspath() {
		return this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class));
	}

	@Test
	void backsOffWhenNothingIsConfigured() {
		withoutRedisOnClasspath().run((context) -> assertThat(context).doesNotHaveBean(WxWorkAgents.class));
	}

	@Test
	void makesOneAgentBeanPerAppNamedAfterIt() {
		withoutRedisOnClasspath()
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.sales.agent-id=1000002",
					"wxwork.agents.sales.secret=a", "wxwork.agents.contacts.secret=b")
			.withUserConfiguration(InjectsByQualifier.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBeans(WxWorkAgent.class).containsOnlyKeys("sales", "contacts");
				InjectsByQualifier injected = context.getBean(InjectsByQualifier.class);
				assertThat(injected.sales.agentId()).isEqualTo(1000002L);
				assertThat(injected.contacts.agentId()).isNull();
				WxWorkAgents agents = context.getBean(WxWorkAgents.class);
				assertThat(agents.byAgentId(1000002L)).containsSame(injected.sales);
				assertThat(agents.get("contacts")).isSameAs(injected.contacts);
			});
	}

	@Test
	void usesMemoryWhenRedisIsNotOnTheClasspath() {
		withoutRedisOnClasspath().withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s")
			.run((context) -> assertThat(context).getBean(AccessTokenStore.class)
				.isInstanceOf(MemoryAccessTokenStore.class));
	}

	@Test
	void usesTheApplicationsRedisByDefault() {
		this.runner
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s",
					"spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).getBean(AccessTokenStore.class)
				.isInstanceOf(RedisAccessTokenStore.class));
	}

	@Test
	void oneRedisCommandGuardWithItsOwnDeadlineWhateverTheClientTimeoutIs() {
		this.runner
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s",
					"spring.data.redis.port=" + redis.port(), "wxwork.redis.command-timeout=250ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisCommandGuard.class).hasBean(RedisCommandGuard.BEAN_NAME);
				RedisCommandGuard guard = context.getBean(RedisCommandGuard.class);
				assertThat(guard.commandTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(guard.retryInterval()).isEqualTo(Duration.ofSeconds(5));
			});
		this.runner
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s",
					"spring.data.redis.port=" + redis.port(), "wxwork.redis.retry-interval=2s")
			.run((context) -> {
				assertThat(context.getBean(RedisCommandGuard.class).commandTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(context.getBean(RedisCommandGuard.class).retryInterval()).isEqualTo(Duration.ofSeconds(2));
			});
		withoutRedisOnClasspath().withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s")
			.run((context) -> assertThat(context).doesNotHaveBean(RedisCommandGuard.class));
	}

	@Test
	void aCommandTimeoutThatIsNotPositiveFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s",
					"spring.data.redis.port=" + redis.port(), "wxwork.redis.command-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.redis.command-timeout"));
	}

	@Test
	void memoryCanBeChosenDespiteRedis() {
		this.runner
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s", "wxwork.token-store=memory",
					"spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).getBean(AccessTokenStore.class)
				.isInstanceOf(MemoryAccessTokenStore.class));
	}

	@Test
	void redisRequestedWithoutAConnectionFailsNamingTheProperty() {
		withoutRedisOnClasspath()
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s", "wxwork.token-store=redis")
			.withUserConfiguration(InjectsA.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.token-store"));
	}

	@Test
	void aBeanTheUserDefinesReplacesOurs() {
		withoutRedisOnClasspath().withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s")
			.withUserConfiguration(CustomStore.class)
			.run((context) -> assertThat(context).getBean(AccessTokenStore.class)
				.isSameAs(context.getBean(CustomStore.class).store));
	}

	@Test
	void missingCorpIdFailsNamingTheProperty() {
		assertStartupFails(new String[] { "wxwork.agents.a.secret=s" }, "wxwork.corp-id");
	}

	@Test
	void missingSecretFailsNamingTheProperty() {
		assertStartupFails(new String[] { "wxwork.corp-id=c", "wxwork.agents.sales.agent-id=1" },
				"wxwork.agents.sales.secret");
	}

	@Test
	void malformedEncodingAesKeyFailsNamingThePropertyWithoutShowingTheKey() {
		String badKey = AES_KEY.substring(1);
		assertStartupFails(new String[] { "wxwork.corp-id=c", "wxwork.agents.a.secret=s",
				"wxwork.agents.a.callback.token=t", "wxwork.agents.a.callback.encoding-aes-key=" + badKey },
				"wxwork.agents.a.callback.encoding-aes-key");
		withoutRedisOnClasspath()
			.withPropertyValues("wxwork.corp-id=c", "wxwork.agents.a.secret=s", "wxwork.agents.a.callback.token=t",
					"wxwork.agents.a.callback.encoding-aes-key=" + badKey)
			.withUserConfiguration(InjectsA.class)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(badKey));
	}

	@Test
	void sharedAgentIdFailsNamingBothApps() {
		assertStartupFails(new String[] { "wxwork.corp-id=c", "wxwork.agents.a.secret=s", "wxwork.agents.a.agent-id=7",
				"wxwork.agents.b.secret=t", "wxwork.agents.b.agent-id=7" }, "wxwork.agents.b.agent-id 7",
				"wxwork.agents.a");
	}

	@Test
	void validConfigurationWithCallbackStarts() {
		withoutRedisOnClasspath()
			.withPropertyValues("wxwork.corp-id=c", "wxwork.agents.a.secret=s", "wxwork.agents.a.callback.token=t",
					"wxwork.agents.a.callback.encoding-aes-key=" + AES_KEY)
			.withUserConfiguration(InjectsA.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void agentsCallTheConfiguredBaseUrl() {
		try (WeComStandIn wecom = new WeComStandIn("corp1").secret("s")) {
			withoutRedisOnClasspath()
				.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.a.secret=s",
						"wxwork.api-base-url=" + wecom.baseUrl())
				.run((context) -> {
					assertThat(context.getBean("a", WxWorkAgent.class).accessToken()).startsWith("token-");
					assertThat(wecom.gettokenCalls()).isEqualTo(1);
				});
		}
	}

	@Test
	void startupFailureIsReportedWithTheProperty() {
		WxWorkConfigurationException failure = new WxWorkConfigurationException(
				"Invalid WeCom configuration:\n - wxwork.corp-id must be set");
		FailureAnalysis analysis = new WxWorkConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("wxwork.corp-id");
		assertThat(analysis.getAction()).contains("wxwork.*");
	}

	private void assertStartupFails(String[] properties, String... messageParts) {
		withoutRedisOnClasspath().withPropertyValues(properties)
			.withUserConfiguration(InjectsA.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().message().contains(messageParts);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsByQualifier {

		@Autowired
		@Qualifier("sales")
		WxWorkAgent sales;

		@Autowired
		@Qualifier("contacts")
		WxWorkAgent contacts;

	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsA {

		@Autowired
		WxWorkAgents agents;

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStore {

		final MemoryAccessTokenStore store = new MemoryAccessTokenStore();

		@Bean
		AccessTokenStore customStore() {
			return this.store;
		}

	}

}

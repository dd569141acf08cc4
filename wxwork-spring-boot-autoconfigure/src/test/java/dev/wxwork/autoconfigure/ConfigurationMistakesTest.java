package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration mistakes of issue 11 fail at startup, each with a message that names the property. */
class ConfigurationMistakesTest {

	private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class))
		.withUserConfiguration(InjectsAgents.class);

	private void assertFails(String[] properties, String... messageParts) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(WxWorkConfigurationException.class)
				.message()
				.contains(messageParts);
		});
	}

	@Test
	void unresolvedPlaceholdersInSecretsTokensAndKeysAreRefused() {
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.sales.secret=${SALES_SECRET}",
				"wxwork.agents.sales.callback.token=${SALES_CALLBACK_TOKEN}",
				"wxwork.agents.sales.callback.encoding-aes-key=${SALES_CALLBACK_AES_KEY}" },
				"wxwork.agents.sales.secret holds the unresolved placeholder ${SALES_SECRET}",
				"wxwork.agents.sales.callback.token holds the unresolved placeholder ${SALES_CALLBACK_TOKEN}",
				"wxwork.agents.sales.callback.encoding-aes-key holds the unresolved placeholder ${SALES_CALLBACK_AES_KEY}");
		assertFails(new String[] { "wxwork.corp-id=${CORP_ID}", "wxwork.agents.sales.secret=s" },
				"wxwork.corp-id holds the unresolved placeholder ${CORP_ID}");
	}

	@Test
	void aResolvedPlaceholderIsFine() {
		this.runner.withPropertyValues("wxwork.corp-id=ww0123456789abcdef", "sales.secret=s3cr3t",
				"wxwork.agents.sales.secret=${sales.secret}")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anUnknownKeyUnderAnAppIsRefusedNamingIt() {
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.demo.secret=s",
				"wxwork.agents.demo.secrett=s" }, "wxwork.agents.demo.secrett is not a known property",
				"agent-id, secret, callback.token and callback.encoding-aes-key");
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.demo.secret=s",
				"wxwork.agents.demo.callback.aes-key=" + AES_KEY }, "wxwork.agents.demo.callback.aes-key is not a known property");
	}

	@Test
	void anAppWithNothingButUnknownKeysIsRefusedEvenWithoutACorpId() {
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.demo.secrett=s" },
				"wxwork.agents.demo.secrett is not a known property");
		assertFails(new String[] { "wxwork.agents.demo.secrett=s" }, "wxwork.agents.demo.secrett is not a known property");
	}

	@Test
	void relaxedSpellingsOfKnownKeysAreNotUnknown() {
		this.runner.withPropertyValues("wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.demo.agentId=1000002",
				"wxwork.agents.demo.secret=s", "wxwork.agents.demo.callback.encodingAesKey=" + AES_KEY,
				"wxwork.agents.demo.callback.token=t")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("demo", WxWorkAgent.class).agentId()).isEqualTo(1000002L);
			});
	}

	@Test
	void aCorpIdThatCannotBeOneIsRefused() {
		assertFails(new String[] { "wxwork.corp-id=my corp!", "wxwork.agents.a.secret=s" },
				"wxwork.corp-id 'my corp!' is not a corp id");
		assertFails(new String[] { "wxwork.corp-id=https://work.weixin.qq.com/wework_admin", "wxwork.agents.a.secret=s" },
				"wxwork.corp-id");
	}

	@Test
	void realCorpIdShapesAreAccepted() {
		for (String corpId : new String[] { "wx5823bf96d3bd56c7", "ww0123456789abcdef", "wwA1B2C3D4E5F6A7B8",
				"wpAbCdEfGhIjKlMnOpQrStUvWxYz012345" }) {
			this.runner.withPropertyValues("wxwork.corp-id=" + corpId, "wxwork.agents.a.secret=s")
				.run((context) -> assertThat(context).as(corpId).hasNotFailed());
		}
	}

	@Test
	void aNonPositiveAgentIdIsRefused() {
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.a.secret=s",
				"wxwork.agents.a.agent-id=0" }, "wxwork.agents.a.agent-id must be positive");
		assertFails(new String[] { "wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.a.secret=s",
				"wxwork.agents.a.agent-id=-1000002" }, "wxwork.agents.a.agent-id must be positive");
	}

	@Test
	void anAppNamedLikeAnotherBeanIsRefusedInsteadOfDropped() {
		this.runner.withUserConfiguration(ClockBean.class)
			.withPropertyValues("wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.clock.secret=s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("wxwork.agents.clock makes a bean named 'clock', but the application already "
							+ "has a bean of that name (java.time.Clock)");
			});
	}

	@Test
	void anAgentBeanOfTheSameNameStillReplacesTheConfiguredOne() {
		this.runner.withUserConfiguration(OwnAgent.class)
			.withPropertyValues("wxwork.corp-id=ww0123456789abcdef", "wxwork.agents.sales.secret=s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("sales")).isSameAs(context.getBean(OwnAgent.class).own);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsAgents {

		@Autowired
		WxWorkAgents agents;

	}

	@Configuration(proxyBeanMethods = false)
	static class ClockBean {

		@Bean
		java.time.Clock clock() {
			return java.time.Clock.systemUTC();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAgent {

		WxWorkAgent own;

		@Bean
		WxWorkAgent sales(dev.wxwork.agent.WxWorkAgentFactory factory) {
			this.own = factory.create("sales", null, "own-secret");
			return this.own;
		}

	}

}

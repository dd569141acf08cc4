package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.testing.RedisServer;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.LocalWebhookRateLimiter;
import dev.wxwork.webhook.RedisWebhookRateLimiter;
import dev.wxwork.webhook.WebhookRateLimitException;
import dev.wxwork.webhook.WebhookRateLimiter;
import dev.wxwork.webhook.WxWorkWebhook;
import dev.wxwork.webhook.WxWorkWebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WxWorkWebhookAutoConfigurationTest {

	private static final String KEY = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";

	private static RedisServer redis;

	private final WebhookStandIn wecom = new WebhookStandIn(KEY);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(DataRedisAutoConfiguration.class, WxWorkAutoConfiguration.class, WxWorkWebhookAutoConfiguration.class));

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void stopStandIn() {
		this.wecom.close();
	}

	private ApplicationContextRunner withoutRedis() {
		return this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class));
	}

	@Test
	void aRobotNeedsNoCorpIdAndSendsToTheAddressCopiedFromTheGroup() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WxWorkAgent.class);
			assertThat(context).getBeans(WxWorkWebhook.class).containsOnlyKeys("opsWebhook");
			context.getBean(WxWorkWebhooks.class).get("ops").sendMarkdown("**up**");
			assertThat(this.wecom.posted()).hasSize(1);
			assertThat(context).doesNotHaveBean(WebhookRateLimiter.class);
		});
	}

	@Test
	void aKeyAloneGoesToTheApiBaseUrl() {
		withoutRedis().withPropertyValues("wxwork.api-base-url=" + this.wecom.baseUrl(), "wxwork.webhooks.ops.key=" + KEY)
			.run((context) -> {
				context.getBean("opsWebhook", WxWorkWebhook.class).sendText("hi");
				assertThat(this.wecom.posted()).hasSize(1);
			});
	}

	@Test
	void aRobotAndAnAppMayShareANameAndAreInjectedByQualifierAndType() {
		withoutRedis()
			.withPropertyValues("wxwork.corp-id=corp1", "wxwork.agents.ops.secret=s",
					"wxwork.webhooks.ops.url=" + this.wecom.baseUrl(), "wxwork.webhooks.ops.key=" + KEY,
					"wxwork.webhooks.alerts.url=" + this.wecom.address(KEY))
			.withUserConfiguration(InjectsOps.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				InjectsOps injected = context.getBean(InjectsOps.class);
				assertThat(injected.webhook.name()).isEqualTo("ops");
				assertThat(injected.agent.name()).isEqualTo("ops");
				assertThat(injected.alerts.name()).isEqualTo("alerts");
				assertThat(injected.webhook).isSameAs(context.getBean(WxWorkWebhooks.class).get("ops"));
			});
	}

	@Test
	void theClientSideLimitIsOffByDefaultAndLocalOrSharedWhenOn() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY),
				"wxwork.webhook-limit.enabled=true", "wxwork.webhook-limit.per-minute=2")
			.run((context) -> {
				assertThat(context).getBean(WebhookRateLimiter.class).isInstanceOf(LocalWebhookRateLimiter.class);
				WxWorkWebhook ops = context.getBean(WxWorkWebhooks.class).get("ops");
				ops.sendText("1");
				ops.sendText("2");
				assertThatExceptionOfType(WebhookRateLimitException.class).isThrownBy(() -> ops.sendText("3"))
					.satisfies((ex) -> assertThat(ex.isClientSide()).isTrue());
				assertThat(this.wecom.requests()).hasSize(2);
			});
		this.runner.withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY),
				"wxwork.webhook-limit.enabled=true", "spring.data.redis.port=" + redis.port())
			.run((context) -> {
				assertThat(context).getBean(WebhookRateLimiter.class).isInstanceOf(RedisWebhookRateLimiter.class);
				assertThat(context).hasSingleBean(RedisCommandGuard.class);
			});
		// with apps too: the one guard of tokens and callbacks
		this.runner.withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY), "wxwork.corp-id=corp1",
				"wxwork.agents.a.secret=s", "wxwork.webhook-limit.enabled=true", "spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).hasSingleBean(RedisCommandGuard.class)
				.getBean(WebhookRateLimiter.class)
				.isInstanceOf(RedisWebhookRateLimiter.class));
		this.runner.withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY),
				"wxwork.webhook-limit.enabled=true", "wxwork.token-store=memory", "spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).getBean(WebhookRateLimiter.class)
				.isInstanceOf(LocalWebhookRateLimiter.class));
	}

	@Test
	void aMalformedAddressFailsStartupNamingThePropertyWithoutTheKey() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.url=https://qyapi.weixin.qq.com/cgi-bin/send?key=" + KEY)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("wxwork.webhooks.ops.url")
					.hasMessageNotContaining(KEY);
			});
	}

	@Test
	void anUnresolvedPlaceholderAsKeyFailsStartup() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.key=${OPS_WEBHOOK_KEY}").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("wxwork.webhooks.ops.key holds the unresolved placeholder ${OPS_WEBHOOK_KEY}");
		});
	}

	@Test
	void aMistypedKeyUnderARobotFailsStartup() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.kee=" + KEY).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("wxwork.webhooks.ops.kee is not a known property")
				.hasMessageNotContaining(KEY);
		});
	}

	@Test
	void aRobotWhoseBeanNameIsTakenByAnotherBeanFailsStartup() {
		withoutRedis().withPropertyValues("wxwork.webhooks.ops.url=" + this.wecom.address(KEY))
			.withUserConfiguration(OpsWebhookString.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("wxwork.webhooks.ops makes a bean named 'opsWebhook'");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsOps {

		@Autowired
		@Qualifier("ops")
		WxWorkWebhook webhook;

		@Autowired
		@Qualifier("ops")
		WxWorkAgent agent;

		@Autowired
		@Qualifier("alerts")
		WxWorkWebhook alerts;

	}

	@Configuration(proxyBeanMethods = false)
	static class OpsWebhookString {

		@Bean
		String opsWebhook() {
			return "something else";
		}

	}

}

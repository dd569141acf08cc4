package dev.wxwork.health;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkHealthConfiguration;
import dev.wxwork.testing.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

class WxWorkHealthIndicatorTest {

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("good");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, WxWorkHealthConfiguration.class))
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withPropertyValues("wxwork.corp-id=corp1", "wxwork.api-base-url=" + this.wecom.baseUrl());

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void upWhenEveryAppObtainsItsToken() {
		this.runner.withPropertyValues("wxwork.agents.a.secret=good").run((context) -> {
			Health health = context.getBean(WxWorkHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void downNamingTheAppAndErrcodeWhenASecretIsWrong() {
		this.runner.withPropertyValues("wxwork.agents.a.secret=good", "wxwork.agents.b.secret=rotated-away")
			.run((context) -> {
				Health health = context.getBean(WxWorkHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> apps = (Map<String, Map<String, Object>>) health.getDetails().get("apps");
				assertThat(apps.get("a")).containsEntry("status", "UP");
				assertThat(apps.get("b")).containsEntry("status", "DOWN").containsEntry("errcode", 40001);
				assertThat(health.toString()).doesNotContain("rotated-away").doesNotContain("good");
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("wxwork.agents.a.secret=good", "management.health.wxwork.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WxWorkHealthIndicator.class));
	}

	@Test
	void isOptional() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class, HealthIndicator.class))
			.withPropertyValues("wxwork.agents.a.secret=good")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(WxWorkHealthIndicator.class);
			});
	}

}

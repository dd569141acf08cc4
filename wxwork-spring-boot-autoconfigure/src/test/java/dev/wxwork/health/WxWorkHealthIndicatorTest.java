package dev.wxwork.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
import dev.wxwork.test.WeComStandIn;

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

	/** Checks until the status is {@code expected}; a check itself never waits for WeCom. */
	private static Health awaitStatus(WxWorkHealthIndicator indicator, Status expected) throws InterruptedException {
		return awaitHealth(indicator, (health) -> health.getStatus().equals(expected));
	}

	private static Health awaitHealth(WxWorkHealthIndicator indicator, Predicate<Health> expected)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			Health health = indicator.health(true);
			if (expected.test(health) || System.nanoTime() > deadline) {
				return health;
			}
			Thread.sleep(20);
		}
	}

	@Test
	void upWhenEveryAppObtainsItsToken() {
		this.runner.withPropertyValues("wxwork.agents.a.secret=good").run((context) -> {
			Health health = awaitStatus(context.getBean(WxWorkHealthIndicator.class), Status.UP);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
		});
	}

	@Test
	void neverFetchesInlineAndAnswersAtOnceFromCachedState() {
		this.wecom.gettokenLatency(Duration.ofSeconds(3));
		this.runner.withPropertyValues("wxwork.agents.a.secret=good").run((context) -> {
			WxWorkHealthIndicator indicator = context.getBean(WxWorkHealthIndicator.class);
			long started = System.nanoTime();
			Health first = indicator.health(true);
			Health second = indicator.health(true);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(first.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(second.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(awaitStatus(indicator, Status.UP).getStatus()).isEqualTo(Status.UP);
			// Two checks during the fetch started one refresh.
			assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
		});
	}

	@Test
	void aWrongSecretIsADetailNamingTheAppAndErrcodeByDefault() {
		this.runner.withPropertyValues("wxwork.agents.a.secret=good", "wxwork.agents.b.secret=rotated-away")
			.run((context) -> {
				Health health = awaitHealth(context.getBean(WxWorkHealthIndicator.class),
						(checked) -> !checked.getDetails().toString().contains("UNKNOWN"));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("appsDown", List.of("b"));
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> apps = (Map<String, Map<String, Object>>) health.getDetails().get("apps");
				assertThat(apps.get("a")).containsEntry("status", "UP");
				assertThat(apps.get("b")).containsEntry("status", "DOWN").containsEntry("errcode", 40001);
				assertThat(health.toString()).doesNotContain("rotated-away").doesNotContain("good");
			});
	}

	@Test
	void downNamingTheAppAndErrcodeWhenASecretIsWrongAndItAffectsStatus() {
		this.runner
			.withPropertyValues("wxwork.health.affects-status=true", "wxwork.agents.a.secret=good",
					"wxwork.agents.b.secret=rotated-away")
			.run((context) -> {
				Health health = awaitHealth(context.getBean(WxWorkHealthIndicator.class),
						(checked) -> !checked.getDetails().toString().contains("UNKNOWN"));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("appsDown", List.of("b"));
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> apps = (Map<String, Map<String, Object>>) health.getDetails().get("apps");
				assertThat(apps.get("b")).containsEntry("status", "DOWN").containsEntry("errcode", 40001);
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

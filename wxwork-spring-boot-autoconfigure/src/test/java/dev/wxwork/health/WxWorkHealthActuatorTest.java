package dev.wxwork.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkHealthConfiguration;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code /actuator/health} (its web extension, which decides the HTTP status) with a rotated
 * secret: the stand-in refuses it with 40001.
 */
class WxWorkHealthActuatorTest {

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("good");

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, WxWorkAutoConfiguration.class, WxWorkHealthConfiguration.class))
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withPropertyValues("management.endpoint.health.show-details=always", "wxwork.corp-id=corp1",
				"wxwork.api-base-url=" + this.wecom.baseUrl(), "wxwork.agents.sales.secret=good",
				"wxwork.agents.contacts.secret=rotated-away");

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void aRotatedSecretIsShownInTheComponentButTheAggregateStaysUp() {
		this.runner.run((context) -> {
			WebEndpointResponse<HealthDescriptor> response = awaitRefusal(context);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getBody().getStatus()).isEqualTo(Status.UP);
			IndicatedHealthDescriptor wxwork = wxwork(response);
			assertThat(wxwork.getStatus()).isEqualTo(Status.UP);
			assertThat(wxwork.getDetails().toString()).contains("contacts", "40001", "appsDown")
				.doesNotContain("rotated-away");
			// both apps' tokens were fetched in the background (the good one may still be on its way)
			assertThat(this.wecom.gettokenCalls("rotated-away")).isGreaterThanOrEqualTo(1);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (this.wecom.gettokenCalls("good") == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(this.wecom.gettokenCalls("good")).isGreaterThanOrEqualTo(1);
		});
	}

	@Test
	void withTheOptInTheRotatedSecretMakesHealthDown() {
		this.runner.withPropertyValues("wxwork.health.affects-status=true").run((context) -> {
			WebEndpointResponse<HealthDescriptor> response = awaitRefusal(context);
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getBody().getStatus()).isEqualTo(Status.DOWN);
			assertThat(wxwork(response).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	/** Checks until the refused secret is known: the indicator answers from cached state, never waiting. */
	private static WebEndpointResponse<HealthDescriptor> awaitRefusal(AssertableWebApplicationContext context)
			throws InterruptedException {
		HealthEndpointWebExtension health = context.getBean(HealthEndpointWebExtension.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			WebEndpointResponse<HealthDescriptor> response = health.health(ApiVersion.LATEST, WebServerNamespace.SERVER,
					SecurityContext.NONE, true);
			if (wxwork(response).getDetails().toString().contains("40001") || System.nanoTime() > deadline) {
				return response;
			}
			Thread.sleep(20);
		}
	}

	private static IndicatedHealthDescriptor wxwork(WebEndpointResponse<HealthDescriptor> response) {
		Map<String, HealthDescriptor> components = ((CompositeHealthDescriptor) response.getBody()).getComponents();
		return (IndicatedHealthDescriptor) components.get("wxwork");
	}

}

package dev.wxwork.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts a {@link WeComStandIn} for test classes annotated with {@link AutoConfigureWeComStandIn}
 * (registered in {@code META-INF/spring.factories}).
 */
class WeComStandInContextCustomizerFactory implements ContextCustomizerFactory {

	/** The bean name of the stand-in. */
	static final String BEAN_NAME = "weComStandIn";

	/** The bean name of the group robots' stand-in. */
	static final String WEBHOOK_BEAN_NAME = "webhookStandIn";

	private static final java.util.regex.Pattern KEY_PARAMETER = java.util.regex.Pattern.compile("[?&]key=([^&#]*)");

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureWeComStandIn annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureWeComStandIn.class);
		return (annotation != null) ? new StandInCustomizer(annotation.webhooks()) : null;
	}

	/** The {@code wxwork.agents.NAME} entries the stand-in needs: secret and agent id. */
	public record AgentCredentials(Long agentId, String secret) {
	}

	/** The {@code wxwork.webhooks.NAME} entries the robots' stand-in needs: key and url. */
	public record WebhookCredentials(String key, String url) {

		/** The key, or the {@code key=} of the url, or null. */
		String effectiveKey() {
			if (this.key != null && !this.key.isBlank()) {
				return this.key.trim();
			}
			if (this.url != null) {
				java.util.regex.Matcher matcher = KEY_PARAMETER.matcher(this.url);
				if (matcher.find() && !matcher.group(1).isEmpty()) {
					return matcher.group(1);
				}
			}
			return null;
		}

	}

	static final class StandInCustomizer implements ContextCustomizer {

		private final boolean webhooks;

		StandInCustomizer(boolean webhooks) {
			this.webhooks = webhooks;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Binder binder = Binder.get(context.getEnvironment());
			String corpId = binder.bind("wxwork.corp-id", String.class).orElse("corp-standin");
			WeComStandIn standIn = new WeComStandIn(corpId);
			binder.bind("wxwork.agents", Bindable.mapOf(String.class, AgentCredentials.class))
				.orElse(Map.of())
				.values()
				.forEach((agent) -> {
					if (agent.secret() != null && agent.agentId() != null) {
						standIn.app(agent.secret(), agent.agentId());
					}
					else if (agent.secret() != null) {
						standIn.secret(agent.secret());
					}
				});
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("wxwork.api-base-url", standIn.baseUrl());
			if (binder.bind("wxwork.corp-id", String.class).isBound() == false) {
				properties.put("wxwork.corp-id", corpId);
			}
			WebhookStandIn robots = this.webhooks ? robots(binder, properties) : null;
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("weComStandIn", properties));
			context.getBeanFactory().registerSingleton(BEAN_NAME, standIn);
			if (robots != null) {
				context.getBeanFactory().registerSingleton(WEBHOOK_BEAN_NAME, robots);
			}
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
					standIn.close();
					if (robots != null) {
						robots.close();
					}
				}
			});
		}

		/** A robots' stand-in accepting every configured key, and each robot's url pointing at it. */
		private static WebhookStandIn robots(Binder binder, Map<String, Object> properties) {
			WebhookStandIn robots = new WebhookStandIn();
			binder.bind("wxwork.webhooks", Bindable.mapOf(String.class, WebhookCredentials.class))
				.orElse(Map.of())
				.forEach((name, webhook) -> {
					String key = webhook.effectiveKey();
					if (key != null) {
						robots.addRobot(key);
						properties.put("wxwork.webhooks." + name + ".url", robots.address(key));
					}
				});
			return robots;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StandInCustomizer customizer && customizer.webhooks == this.webhooks;
		}

		@Override
		public int hashCode() {
			return Boolean.hashCode(this.webhooks);
		}

	}

}

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

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureWeComStandIn.class)
				? new StandInCustomizer() : null;
	}

	/** The {@code wxwork.agents.NAME} entries the stand-in needs: secret and agent id. */
	public static class AgentCredentials {

		private Long agentId;

		private String secret;

		public Long getAgentId() {
			return this.agentId;
		}

		public void setAgentId(Long agentId) {
			this.agentId = agentId;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

	}

	static final class StandInCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Binder binder = Binder.get(context.getEnvironment());
			String corpId = binder.bind("wxwork.corp-id", String.class).orElse("corp-standin");
			WeComStandIn standIn = new WeComStandIn(corpId);
			binder.bind("wxwork.agents", Bindable.mapOf(String.class, AgentCredentials.class))
				.orElse(Map.of())
				.values()
				.forEach((agent) -> {
					if (agent.getSecret() != null && agent.getAgentId() != null) {
						standIn.app(agent.getSecret(), agent.getAgentId());
					}
					else if (agent.getSecret() != null) {
						standIn.secret(agent.getSecret());
					}
				});
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("wxwork.api-base-url", standIn.baseUrl());
			if (binder.bind("wxwork.corp-id", String.class).isBound() == false) {
				properties.put("wxwork.corp-id", corpId);
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("weComStandIn", properties));
			context.getBeanFactory().registerSingleton(BEAN_NAME, standIn);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
					standIn.close();
				}
			});
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}

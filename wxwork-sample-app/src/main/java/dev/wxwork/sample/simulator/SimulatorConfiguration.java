package dev.wxwork.sample.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.wxwork.autoconfigure.WxWorkProperties;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;

/**
 * The built-in WeCom simulator, on unless {@code sample.simulator.enabled=false}: the test kit's stand-ins
 * ({@code wxwork-spring-boot-test}), served from this app.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorConfiguration {

	/** How many requests and messages the stand-ins keep for {@code /simulator/messages} and the like. */
	static final int HISTORY = 100;

	/**
	 * The test kit's WeCom stand-in, served from this app ({@link StandInServlet}): it accepts exactly the
	 * corp id and the secrets this app is configured with, and knows exactly the members of
	 * {@code sample.simulator.users} (and the root department 1).
	 */
	@Bean(destroyMethod = "close")
	WeComStandIn weComStandIn(WxWorkProperties wxwork, SimulatorProperties simulator, Deliveries deliveries) {
		WeComStandIn standIn = WeComStandIn.embedded(wxwork.getCorpId()).closedDirectory().historyLimit(HISTORY);
		wxwork.getAgents().values().forEach((agent) -> {
			if (agent.getSecret() != null && agent.getAgentId() != null) {
				standIn.app(agent.getSecret(), agent.getAgentId());
			}
			else if (agent.getSecret() != null) {
				standIn.secret(agent.getSecret());
			}
		});
		simulator.users().forEach((user) -> standIn.member(user, user));
		standIn.department(1, wxwork.getCorpId(), 0);
		if (!simulator.sendLatency().isZero()) {
			standIn.latency("/cgi-bin/message/send", simulator.sendLatency());
		}
		return standIn.onMessage(deliveries::count);
	}

	@Bean
	Deliveries simulatorDeliveries() {
		return new Deliveries();
	}

	/** The kit's group robot stand-in: it accepts exactly the keys of this app's {@code wxwork.webhooks}. */
	@Bean(destroyMethod = "close")
	WebhookStandIn webhookStandIn(WxWorkProperties wxwork) {
		String[] keys = wxwork.getWebhooks()
			.values()
			.stream()
			.map(WxWorkProperties.Webhook::getKey)
			.filter(Objects::nonNull)
			.toArray(String[]::new);
		return WebhookStandIn.embedded(Clock.systemUTC(), keys).historyLimit(HISTORY);
	}

	/** WeCom's API paths under {@code /simulator/cgi-bin/*}, answered by the stand-ins. */
	@Bean
	ServletRegistrationBean<StandInServlet> standInServlet(WeComStandIn wecom, WebhookStandIn robots,
			WxWorkProperties wxwork) {
		Map<String, Long> agentIdsBySecret = new HashMap<>();
		wxwork.getAgents().values().forEach((agent) -> {
			if (agent.getSecret() != null && agent.getAgentId() != null) {
				agentIdsBySecret.put(agent.getSecret(), agent.getAgentId());
			}
		});
		ServletRegistrationBean<StandInServlet> registration = new ServletRegistrationBean<>(
				new StandInServlet(wecom, robots, agentIdsBySecret), "/simulator/cgi-bin/*");
		registration.setName("weComStandIn");
		return registration;
	}

	/** It delivers to this server, on the port it listens on once started. */
	@Bean
	CallbackPusher callbackPusher(WxWorkProperties wxwork, Environment environment) {
		return new CallbackPusher(wxwork, () -> environment.getRequiredProperty("local.server.port", Integer.class),
				Clock.systemUTC());
	}

	/** It plays WeCom's side of the bots' callback URLs on this server. */
	@Bean
	BotCallbackPusher botCallbackPusher(WxWorkProperties wxwork, Environment environment) {
		return new BotCallbackPusher(wxwork, () -> environment.getRequiredProperty("local.server.port", Integer.class),
				Clock.systemUTC());
	}

}

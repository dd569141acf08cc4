package dev.wxwork.sample.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.wxwork.autoconfigure.WxWorkProperties;

/** The built-in WeCom simulator, on unless {@code sample.simulator.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorConfiguration {

	/** It accepts exactly the corp id and the secrets this app is configured with. */
	@Bean
	WeComSimulator weComSimulator(WxWorkProperties wxwork, SimulatorProperties simulator) {
		Map<String, Long> agentIdsBySecret = new HashMap<>();
		wxwork.getAgents().values().forEach((agent) -> agentIdsBySecret.put(agent.getSecret(),
				(agent.getAgentId() != null) ? agent.getAgentId() : 0L));
		return new WeComSimulator(wxwork.getCorpId(), agentIdsBySecret, new LinkedHashSet<>(simulator.users()),
				Clock.systemUTC());
	}

	/** Its group robots accept exactly the keys of this app's {@code wxwork.webhooks}. */
	@Bean
	WebhookSimulator webhookSimulator(WxWorkProperties wxwork) {
		Set<String> keys = new LinkedHashSet<>();
		wxwork.getWebhooks().values().forEach((webhook) -> {
			if (webhook.getKey() != null) {
				keys.add(webhook.getKey());
			}
		});
		return new WebhookSimulator(keys, Clock.systemUTC());
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

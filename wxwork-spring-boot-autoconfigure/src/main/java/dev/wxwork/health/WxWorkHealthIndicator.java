package dev.wxwork.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;

/**
 * Reports whether every app can obtain its access token. A cached token costs nothing; a missing one
 * is fetched once for the whole cluster, as for any call. A wrong secret (40001) or an untrusted IP
 * (60020) shows here, per app, before the first real call fails.
 */
public class WxWorkHealthIndicator extends AbstractHealthIndicator {

	private final WxWorkAgents agents;

	public WxWorkHealthIndicator(WxWorkAgents agents) {
		super("WeCom health check failed");
		this.agents = agents;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> apps = new LinkedHashMap<>();
		boolean allUp = true;
		for (WxWorkAgent agent : this.agents.all()) {
			try {
				agent.accessToken();
				apps.put(agent.name(), Map.of("status", "UP"));
			}
			catch (WxWorkApiException ex) {
				allUp = false;
				apps.put(agent.name(), Map.of("status", "DOWN", "errcode", ex.getErrcode(), "error", ex.getMessage()));
			}
			catch (WxWorkException ex) {
				allUp = false;
				apps.put(agent.name(), Map.of("status", "DOWN", "error", ex.getMessage()));
			}
		}
		(allUp ? builder.up() : builder.down()).withDetail("apps", apps);
	}

}

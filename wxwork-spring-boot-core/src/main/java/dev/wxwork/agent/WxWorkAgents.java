package dev.wxwork.agent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configured app, found by name or by agent id. */
public class WxWorkAgents {

	private final Map<String, WxWorkAgent> byName = new LinkedHashMap<>();

	private final Map<Long, WxWorkAgent> byAgentId = new LinkedHashMap<>();

	public WxWorkAgents(Collection<WxWorkAgent> agents) {
		for (WxWorkAgent agent : agents) {
			this.byName.put(agent.name(), agent);
			if (agent.agentId() != null) {
				this.byAgentId.put(agent.agentId(), agent);
			}
		}
	}

	/** The app of that name under {@code wxwork.agents}. */
	public Optional<WxWorkAgent> byName(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The app with that AgentId. */
	public Optional<WxWorkAgent> byAgentId(long agentId) {
		return Optional.ofNullable(this.byAgentId.get(agentId));
	}

	/** The app of that name, or an exception that lists the configured names. */
	public WxWorkAgent get(String name) {
		return byName(name).orElseThrow(() -> new IllegalArgumentException(
				"No WeCom app named '" + name + "' under wxwork.agents; configured: " + this.byName.keySet()));
	}

	/** All apps, in configuration order. */
	public List<WxWorkAgent> all() {
		return List.copyOf(this.byName.values());
	}

	@Override
	public String toString() {
		return "WxWorkAgents" + this.byName.keySet();
	}

}

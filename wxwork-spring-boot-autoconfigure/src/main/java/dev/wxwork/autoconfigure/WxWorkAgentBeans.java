package dev.wxwork.autoconfigure;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgentFactory;

/**
 * Makes the agent bean of an app by its name, for the bean definitions {@link WxWorkAgentRegistrar}
 * registers: a factory bean and method rather than an instance supplier, so that AOT processing can
 * write them as code. Only the app's name is part of a definition; its secret is read when the bean is made.
 */
final class WxWorkAgentBeans {

	static final String BEAN_NAME = "wxwork.internal.agentBeans";

	private final WxWorkProperties properties;

	private final WxWorkAgentFactory factory;

	WxWorkAgentBeans(WxWorkProperties properties, WxWorkAgentFactory factory) {
		this.properties = properties;
		this.factory = factory;
	}

	/** The agent of the app of this name under {@code wxwork.agents}. */
	WxWorkAgent agent(String name) {
		WxWorkProperties.Agent agent = this.properties.getAgents().get(name);
		if (agent == null) {
			throw new WxWorkConfigurationException("wxwork.agents." + name + " is not configured");
		}
		return this.factory.create(name, agent.getAgentId(), agent.getSecret());
	}

}

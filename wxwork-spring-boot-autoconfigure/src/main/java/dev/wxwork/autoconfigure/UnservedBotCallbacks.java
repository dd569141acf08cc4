package dev.wxwork.autoconfigure;

import org.springframework.context.ApplicationContext;

import dev.wxwork.bot.BotCallbackEndpoint;
import dev.wxwork.bot.BotEndpointRegistrar;

/**
 * The callback server of an application that has none (reactive, or not a web application): a bot with
 * callback settings fails the startup with the property and the reason, rather than WeCom getting 404 for
 * every callback. Long-connection bots need no server and work in such applications.
 */
final class UnservedBotCallbacks implements BotEndpointRegistrar.CallbackServer {

	private final ApplicationContext context;

	UnservedBotCallbacks(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void serve(String path, BotCallbackEndpoint endpoint) {
		String prefix = "wxwork.bots." + endpoint.botName();
		String reason = CallbackServingCheck.whyNoSpringMvc(this.context);
		throw new WxWorkConfigurationException(prefix + ".callback.token is set, so bot '" + endpoint.botName()
				+ "' would be served in callback mode at " + path + ", but it cannot be served (WeCom would get 404): "
				+ ((reason != null) ? reason : "no BotEndpointRegistrar.CallbackServer bean (the bot auto-configuration's "
						+ "Spring MVC part backed off; start with --debug for the condition evaluation report)")
				+ ". Remove " + prefix + ".callback.token and " + prefix + ".callback.encoding-aes-key to use the "
				+ "long-connection mode only (" + prefix + ".bot-id and " + prefix + ".secret: it needs no inbound "
				+ "endpoint and works in any application), or run in a Spring MVC (servlet) web application");
	}

}

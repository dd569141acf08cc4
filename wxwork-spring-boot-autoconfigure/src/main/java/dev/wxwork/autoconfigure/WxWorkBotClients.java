package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

import dev.wxwork.bot.WxWorkBotClient;

/**
 * Makes the client bean of a bot by its name, for the bean definitions {@link WxWorkBotRegistrar}
 * registers: a factory bean and method rather than an instance supplier, so that AOT processing can
 * write them as code.
 */
final class WxWorkBotClients {

	static final String BEAN_NAME = "wxwork.internal.botClients";

	private final WxWorkProperties properties;

	private final ObjectProvider<SslBundles> sslBundles;

	WxWorkBotClients(WxWorkProperties properties, ObjectProvider<SslBundles> sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	/** The client of the bot of this name under {@code wxwork.bots}. */
	WxWorkBotClient client(String name) {
		return WxWorkBotBeans.client(name, this.properties, this.sslBundles.getIfAvailable());
	}

}

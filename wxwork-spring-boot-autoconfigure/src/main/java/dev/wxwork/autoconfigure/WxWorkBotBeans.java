package dev.wxwork.autoconfigure;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.wxwork.bot.BotCallbackEndpoint;
import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotLongConnection;
import dev.wxwork.bot.BotStreamStore;
import dev.wxwork.bot.WxWorkBotClient;
import dev.wxwork.client.WxWorkProxy;

/** Turns the bot part of {@link WxWorkProperties} into the bot package's plain objects. */
final class WxWorkBotBeans {

	private WxWorkBotBeans() {
	}

	static BotEndpointRegistrar registrar(BotEndpointRegistrar.CallbackServer callbackServer,
			WxWorkProperties properties, BotStreamStore store, Clock clock) {
		WxWorkBotPropertiesValidator.validate(properties);
		return new BotEndpointRegistrar(callbackServer, (name) -> definition(properties, name), store, clock);
	}

	/**
	 * The long connections' proxy ({@code wxwork.http.proxy.*}) and TLS settings ({@code wxwork.http.ssl-bundle}),
	 * as for API calls. A proxy with credentials needs a JVM whose {@code jdk.http.auth.tunneling.disabledSchemes}
	 * allows Basic, which only the command line can give: without it the startup fails here, rather than
	 * every connection attempt with a 407.
	 */
	static void connectionTransport(BotEndpointRegistrar registrar, WxWorkProperties properties, SslBundles sslBundles) {
		WxWorkProxy proxy = WxWorkBeans.proxy(properties.getHttp().getProxy());
		String longConnectionBot = properties.getBots()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getBotId() != null && !entry.getValue().getBotId().isBlank())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (longConnectionBot == null) {
			return;
		}
		if (proxy != null && proxy.authenticated() && !WxWorkProxy.jdkAllowsBasicForTunnels()) {
			throw new WxWorkConfigurationException("wxwork.http.proxy.username is set, but the long connection of bot '"
					+ longConnectionBot + "' (wxwork.bots." + longConnectionBot + ".bot-id) cannot authenticate at the "
					+ "proxy: the JDK's WebSocket client sends Basic credentials through a CONNECT tunnel only when the JVM "
					+ "runs with -D" + WxWorkProxy.TUNNELING_DISABLED_SCHEMES + "= (the JDK disables Basic there by "
					+ "default, and this library does not change JVM-wide settings); add that option to the JVM's command "
					+ "line, or use a proxy without authentication");
		}
		SslBundle sslBundle = WxWorkBeans.sslBundle(properties, sslBundles);
		registrar.setConnectionTransport(proxy, (sslBundle != null) ? sslBundle.createSslContext() : null);
	}

	static WxWorkBotClient client(String name, WxWorkProperties properties, SslBundles sslBundles) {
		// response_url replies, uploads and downloads go out like API calls: same timeouts, SSL bundle and proxy
		ClientHttpRequestFactory requestFactory = WxWorkBeans.requestFactories(properties, sslBundles).api();
		WxWorkProperties.Bot bot = properties.getBots().get(name);
		String callbackAesKey = (bot != null) ? bot.getCallback().getEncodingAesKey() : null;
		return new WxWorkBotClient(name, RestClient.builder().requestFactory(requestFactory).build(), callbackAesKey);
	}

	private static BotEndpointRegistrar.BotDefinition definition(WxWorkProperties properties, String name) {
		WxWorkProperties.Bot bot = properties.getBots().get(name);
		if (bot == null) {
			return null;
		}
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		BotCallbackEndpoint.Settings settings = new BotCallbackEndpoint.Settings(callback.getTimestampTolerance(),
				callback.getMaxBodySize(), properties.getRedisKeyPrefix(), callback.getDeduplicationWindow(),
				bot.getFirstReplyWait(), bot.getStreamTimeout(), bot.getWelcomeDeadline(), bot.getErrorText(),
				bot.getContinuationText());
		String token = bot.getCallback().getToken();
		WxWorkProperties.BotConnection connection = bot.getConnection();
		BotLongConnection.Options options = new BotLongConnection.Options(connection.getHeartbeatInterval(),
				connection.getReconnectMinDelay(), connection.getReconnectMaxDelay(), connection.getAckTimeout(),
				connection.getShutdownTimeout(), connection.getLeaseTime());
		String botId = bot.getBotId();
		return new BotEndpointRegistrar.BotDefinition((token == null || token.isBlank()) ? null : token,
				bot.getCallback().getEncodingAesKey(), bot.getMaxConcurrentStreams(), settings,
				(botId == null || botId.isBlank()) ? null : botId, bot.getSecret(), bot.getWsUrl(), options);
	}

}

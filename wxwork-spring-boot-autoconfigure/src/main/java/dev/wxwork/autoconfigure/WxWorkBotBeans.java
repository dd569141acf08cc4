package dev.wxwork.autoconfigure;

import java.time.Clock;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.wxwork.bot.BotCallbackEndpoint;
import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotLongConnection;
import dev.wxwork.bot.BotStreamStore;
import dev.wxwork.bot.WxWorkBotClient;

/** Turns the bot part of {@link WxWorkProperties} into the bot package's plain objects. */
final class WxWorkBotBeans {

	private WxWorkBotBeans() {
	}

	static BotEndpointRegistrar registrar(BotEndpointRegistrar.CallbackServer callbackServer,
			WxWorkProperties properties, BotStreamStore store, Clock clock) {
		WxWorkBotPropertiesValidator.validate(properties);
		return new BotEndpointRegistrar(callbackServer, (name) -> definition(properties, name), store, clock);
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

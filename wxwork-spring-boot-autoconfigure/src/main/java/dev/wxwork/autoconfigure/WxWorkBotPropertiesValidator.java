package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks {@code wxwork.bots.*} at startup, so that a misconfigured bot fails before its first callback
 * with messages that name the property (and never show a secret or key).
 */
public final class WxWorkBotPropertiesValidator {

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	private WxWorkBotPropertiesValidator() {
	}

	/** Throws {@link WxWorkConfigurationException} listing every problem found. */
	public static void validate(WxWorkProperties properties) {
		List<String> problems = new ArrayList<>();
		properties.getBots().forEach((name, bot) -> {
			String prefix = "wxwork.bots." + name;
			if (!name.matches("[A-Za-z0-9_-]+")) {
				problems.add(prefix + ": a bot name may only hold letters, digits, '-' and '_'");
			}
			boolean longConnection = !isBlank(bot.getBotId()) || !isBlank(bot.getSecret());
			if (longConnection && (isBlank(bot.getBotId()) || isBlank(bot.getSecret()))) {
				problems.add(prefix + ".bot-id and " + prefix + ".secret must be set together (long-connection mode)");
			}
			if (isBlank(bot.getWsUrl()) || !bot.getWsUrl().matches("wss?://.+")) {
				problems.add(prefix + ".ws-url must be a ws:// or wss:// URL");
			}
			WxWorkProperties.Callback callback = bot.getCallback();
			String key = callback.getEncodingAesKey();
			if (key != null && !ENCODING_AES_KEY.matcher(key).matches()) {
				problems.add(prefix + ".callback.encoding-aes-key must be 43 characters of [A-Za-z0-9] (it has "
						+ key.length() + " characters" + (key.length() == 43 ? ", some of them not [A-Za-z0-9]" : "") + ")");
			}
			boolean callbackMode = !isBlank(callback.getToken()) || key != null;
			if (callbackMode && (isBlank(callback.getToken()) || key == null)) {
				problems.add(prefix + ".callback.token and " + prefix + ".callback.encoding-aes-key must be set together");
			}
			if (!longConnection && !callbackMode) {
				problems.add(prefix + " configures no mode: set " + prefix + ".callback.token and " + prefix
						+ ".callback.encoding-aes-key (callback mode), or " + prefix + ".bot-id and " + prefix
						+ ".secret (long-connection mode)");
			}
			WxWorkProperties.BotConnection connection = bot.getConnection();
			if (!isPositive(connection.getHeartbeatInterval())) {
				problems.add(prefix + ".connection.heartbeat-interval must be positive");
			}
			if (!isPositive(connection.getReconnectMinDelay())) {
				problems.add(prefix + ".connection.reconnect-min-delay must be positive");
			}
			if (!isPositive(connection.getReconnectMaxDelay())
					|| (isPositive(connection.getReconnectMinDelay())
							&& connection.getReconnectMaxDelay().compareTo(connection.getReconnectMinDelay()) < 0)) {
				problems.add(prefix + ".connection.reconnect-max-delay must be positive and at least reconnect-min-delay");
			}
			if (connection.getLeaseTime() == null || connection.getLeaseTime().toMillis() < 300) {
				problems.add(prefix + ".connection.lease-time must be at least 300ms");
			}
			if (!isPositive(connection.getAckTimeout())) {
				problems.add(prefix + ".connection.ack-timeout must be positive");
			}
			if (connection.getShutdownTimeout() == null || connection.getShutdownTimeout().isNegative()) {
				problems.add(prefix + ".connection.shutdown-timeout must not be negative");
			}
			if (bot.getMaxConcurrentStreams() < 1) {
				problems.add(prefix + ".max-concurrent-streams must be at least 1");
			}
			if (isBlank(bot.getErrorText())) {
				problems.add(prefix + ".error-text must not be blank: a failed answer must end visibly");
			}
			if (isBlank(bot.getContinuationText())) {
				problems.add(prefix + ".continuation-text must not be blank: a stream handed over to the response_url must end visibly");
			}
			if (bot.getStreamTimeout().isNegative() || bot.getStreamTimeout().isZero()
					|| bot.getStreamTimeout().toSeconds() > 360) {
				problems.add(prefix + ".stream-timeout must be positive and at most 6 minutes, WeCom's poll window");
			}
			if (bot.getFirstReplyWait().isNegative() || bot.getFirstReplyWait().toMillis() >= 5000) {
				problems.add(prefix + ".first-reply-wait must be between 0 and 5 seconds, WeCom's reply deadline");
			}
		});
		if (!problems.isEmpty()) {
			throw new WxWorkConfigurationException("Invalid WeCom bot configuration:\n - " + String.join("\n - ", problems));
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean isPositive(java.time.Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}

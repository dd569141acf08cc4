package dev.wxwork.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wxwork.webhook.WebhookAddress;

/**
 * Checks {@link WxWorkProperties} at startup, so that a misconfigured app fails before its first call
 * with messages that name the property (and never show a secret or key).
 */
public final class WxWorkPropertiesValidator {

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	// Real corp ids are "ww" or "wx" and 16 hex digits (wx5823bf96d3bd56c7); ids of provider-built apps
	// are longer. Only what can be no corp id at all is refused: spaces, punctuation, a pasted URL.
	private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

	private WxWorkPropertiesValidator() {
	}

	/** Throws {@link WxWorkConfigurationException} listing every problem found. */
	public static void validate(WxWorkProperties properties) {
		List<String> problems = new ArrayList<>();
		if (isBlank(properties.getCorpId())) {
			problems.add("wxwork.corp-id must be set (the corp id from the admin console's 'My Company' page)");
		}
		else if (!unresolved("wxwork.corp-id", properties.getCorpId(), problems)
				&& !CORP_ID.matcher(properties.getCorpId()).matches()) {
			problems.add("wxwork.corp-id '" + properties.getCorpId() + "' is not a corp id: it is letters and digits, "
					+ "such as ww0123456789abcdef (admin console, 'My Company' page, at the bottom)");
		}
		if (isBlank(properties.getApiBaseUrl()) || !properties.getApiBaseUrl().matches("https?://.+")) {
			problems.add("wxwork.api-base-url must be an http(s) URL");
		}
		Map<Long, String> agentIds = new HashMap<>();
		properties.getAgents().forEach((name, agent) -> {
			String prefix = "wxwork.agents." + name;
			if (!name.matches("[A-Za-z0-9_-]+")) {
				problems.add(prefix + ": an app name may only hold letters, digits, '-' and '_'");
			}
			if (isBlank(agent.getSecret())) {
				problems.add(prefix + ".secret must be set");
			}
			unresolved(prefix + ".secret", agent.getSecret(), problems);
			if (agent.getAgentId() != null && agent.getAgentId() <= 0) {
				problems.add(prefix + ".agent-id must be positive (the AgentId on the app's page, such as 1000002)");
			}
			else if (agent.getAgentId() != null) {
				String other = agentIds.putIfAbsent(agent.getAgentId(), name);
				if (other != null) {
					problems.add(prefix + ".agent-id " + agent.getAgentId() + " is also the agent-id of wxwork.agents."
							+ other);
				}
			}
			WxWorkProperties.Callback callback = agent.getCallback();
			String key = callback.getEncodingAesKey();
			unresolved(prefix + ".callback.token", callback.getToken(), problems);
			// for a placeholder, the placeholder is the problem, not its length
			if (!unresolved(prefix + ".callback.encoding-aes-key", key, problems) && key != null
					&& !ENCODING_AES_KEY.matcher(key).matches()) {
				problems.add(prefix + ".callback.encoding-aes-key must be 43 characters of [A-Za-z0-9] (it has "
						+ key.length() + " characters" + (key.length() == 43 ? ", some of them not [A-Za-z0-9]" : "")
						+ ")");
			}
			if (isBlank(callback.getToken()) != (key == null)) {
				problems.add(prefix + ".callback.token and " + prefix
						+ ".callback.encoding-aes-key must be set together");
			}
		});
		WxWorkProperties.CallbackSettings callback = properties.getCallback();
		if (callback.getDeduplicationWindow().compareTo(callback.getTimestampTolerance().multipliedBy(2)) < 0) {
			// a callback is fresh from tolerance before to tolerance after its timestamp; a mark that
			// expires earlier lets the very same bytes be handled again while they are still accepted
			problems.add("wxwork.callback.deduplication-window (" + callback.getDeduplicationWindow()
					+ ") must be at least twice wxwork.callback.timestamp-tolerance (" + callback.getTimestampTolerance()
					+ "), or a replayed callback is handled again");
		}
		if (callback.getRetryWait().isNegative() || callback.getRetryWait().compareTo(Duration.ofSeconds(5)) >= 0) {
			problems.add("wxwork.callback.retry-wait (" + callback.getRetryWait()
					+ ") must be at least 0 and less than WeCom's 5 seconds");
		}
		if (properties.getRetry().getMaxAttempts() < 0) {
			problems.add("wxwork.retry.max-attempts must not be negative");
		}
		java.time.Duration duplicateCheck = properties.getRetry().getDuplicateCheckInterval();
		if (duplicateCheck == null || duplicateCheck.isNegative() || duplicateCheck.compareTo(java.time.Duration.ofHours(4)) > 0) {
			problems.add("wxwork.retry.duplicate-check-interval must be between 0 (off) and 4h, WeCom's limit");
		}
		failOn(problems);
	}

	/** Throws {@link WxWorkConfigurationException} listing every problem of the group robots. */
	public static void validateWebhooks(WxWorkProperties properties) {
		List<String> problems = new ArrayList<>();
		properties.getWebhooks().forEach((name, webhook) -> {
			String prefix = "wxwork.webhooks." + name;
			if (!name.matches("[A-Za-z0-9_-]+")) {
				problems.add(prefix + ": a robot name may only hold letters, digits, '-' and '_'");
			}
			boolean keyUnresolved = unresolved(prefix + ".key", webhook.getKey(), problems);
			boolean urlUnresolved = unresolved(prefix + ".url", webhook.getUrl(), problems);
			if (keyUnresolved || urlUnresolved) {
				return;
			}
			try {
				WebhookAddress.of(webhook.getKey(), webhook.getUrl(), properties.getApiBaseUrl());
			}
			catch (IllegalArgumentException ex) {
				String property = (webhook.getUrl() != null && !webhook.getUrl().isBlank()) ? prefix + ".url" : prefix + ".key";
				problems.add(property + ": " + ex.getMessage());
			}
		});
		WxWorkProperties.WebhookLimit limit = properties.getWebhookLimit();
		if (limit.getPerMinute() < 1) {
			problems.add("wxwork.webhook-limit.per-minute must be at least 1");
		}
		if (limit.getMaxWait() == null || limit.getMaxWait().isNegative()) {
			problems.add("wxwork.webhook-limit.max-wait must not be negative");
		}
		failOn(problems);
	}

	/** Throws {@link WxWorkConfigurationException} listing these problems, if there are any. */
	static void failOn(List<String> problems) {
		if (!problems.isEmpty()) {
			throw new WxWorkConfigurationException("Invalid WeCom configuration:\n - " + String.join("\n - ", problems));
		}
	}

	// Boot leaves a placeholder it cannot resolve as it is: "${SALES_SECRET}" would be sent as the secret.
	// Only the placeholder's name is quoted, never the value around it.
	private static boolean unresolved(String property, String value, List<String> problems) {
		if (value == null || !value.contains("${")) {
			return false;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		String placeholder = matcher.find() ? matcher.group(1) : "";
		problems.add(property + " holds the unresolved placeholder ${" + placeholder + "}: set the environment "
				+ "variable or property " + placeholder + ", or give the value directly");
		return true;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

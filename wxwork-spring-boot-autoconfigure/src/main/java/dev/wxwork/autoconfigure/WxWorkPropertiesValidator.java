package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@link WxWorkProperties} at startup, so that a misconfigured app fails before its first call
 * with messages that name the property (and never show a secret or key).
 */
public final class WxWorkPropertiesValidator {

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	private WxWorkPropertiesValidator() {
	}

	/** Throws {@link WxWorkConfigurationException} listing every problem found. */
	public static void validate(WxWorkProperties properties) {
		List<String> problems = new ArrayList<>();
		if (isBlank(properties.getCorpId())) {
			problems.add("wxwork.corp-id must be set (the corp id from the admin console's 'My Company' page)");
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
			if (agent.getAgentId() != null) {
				String other = agentIds.putIfAbsent(agent.getAgentId(), name);
				if (other != null) {
					problems.add(prefix + ".agent-id " + agent.getAgentId() + " is also the agent-id of wxwork.agents."
							+ other);
				}
			}
			WxWorkProperties.Callback callback = agent.getCallback();
			String key = callback.getEncodingAesKey();
			if (key != null && !ENCODING_AES_KEY.matcher(key).matches()) {
				problems.add(prefix + ".callback.encoding-aes-key must be 43 characters of [A-Za-z0-9] (it has "
						+ key.length() + " characters" + (key.length() == 43 ? ", some of them not [A-Za-z0-9]" : "")
						+ ")");
			}
			if (isBlank(callback.getToken()) != (key == null)) {
				problems.add(prefix + ".callback.token and " + prefix
						+ ".callback.encoding-aes-key must be set together");
			}
		});
		if (properties.getRetry().getMaxAttempts() < 0) {
			problems.add("wxwork.retry.max-attempts must not be negative");
		}
		java.time.Duration duplicateCheck = properties.getRetry().getDuplicateCheckInterval();
		if (duplicateCheck == null || duplicateCheck.isNegative() || duplicateCheck.compareTo(java.time.Duration.ofHours(4)) > 0) {
			problems.add("wxwork.retry.duplicate-check-interval must be between 0 (off) and 4h, WeCom's limit");
		}
		if (!problems.isEmpty()) {
			throw new WxWorkConfigurationException("Invalid WeCom configuration:\n - " + String.join("\n - ", problems));
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

package dev.wxwork.autoconfigure;

import java.util.Locale;
import java.util.Set;

/**
 * Which {@code wxwork.*} properties hold secrets: app secrets, callback tokens, AES keys, robot keys,
 * bot secrets, and any value with a {@code key=} (a robot's whole address). Recognised in every form a
 * property name takes: {@code wxwork.agents.a.callback.encoding-aes-key}, {@code encodingAesKey} in
 * configprops, and {@code WXWORK_AGENTS_A_CALLBACK_ENCODINGAESKEY} in the environment.
 */
final class WxWorkSecretProperties {

	private static final Set<String> SECRET_NAMES = Set.of("secret", "token", "encodingaeskey", "aeskey", "key",
			"password");

	private WxWorkSecretProperties() {
	}

	/** Whether a property of this name and value must be masked. */
	static boolean isSecret(String name, Object value) {
		if (name == null) {
			return false;
		}
		String normalized = name.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		if (!normalized.startsWith("wxwork.") && !normalized.equals("wxwork")) {
			return false;
		}
		String last = normalized.substring(normalized.lastIndexOf('.') + 1);
		if (SECRET_NAMES.contains(last)) {
			return true;
		}
		return value instanceof CharSequence text && text.toString().contains("key=");
	}

}

package dev.wxwork.webhook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configured group robot, by name. */
public class WxWorkWebhooks {

	private final Map<String, WxWorkWebhook> byName = new LinkedHashMap<>();

	public WxWorkWebhooks(Collection<WxWorkWebhook> webhooks) {
		webhooks.forEach((webhook) -> this.byName.put(webhook.name(), webhook));
	}

	/** The robot of that name under {@code wxwork.webhooks}. */
	public Optional<WxWorkWebhook> byName(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The robot of that name, or an exception that lists the configured names. */
	public WxWorkWebhook get(String name) {
		return byName(name).orElseThrow(() -> new IllegalArgumentException(
				"No group robot named '" + name + "' under wxwork.webhooks; configured: " + this.byName.keySet()));
	}

	/** All robots, in configuration order. */
	public List<WxWorkWebhook> all() {
		return List.copyOf(this.byName.values());
	}

	@Override
	public String toString() {
		return "WxWorkWebhooks" + this.byName.keySet();
	}

}

package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.webhook.WebhookAddress;
import dev.wxwork.webhook.WebhookRateLimiter;
import dev.wxwork.webhook.WxWorkWebhook;
import dev.wxwork.webhook.WxWorkWebhooks;

/** Turns the webhook part of {@link WxWorkProperties} into the webhook package's plain objects. */
final class WxWorkWebhookBeans {

	private WxWorkWebhookBeans() {
	}

	static WxWorkWebhooks webhooks(WxWorkProperties properties, WebhookRateLimiter limiter,
			ObservationRegistry observations) {
		WxWorkPropertiesValidator.validateWebhooks(properties);
		// A post that failed may still have been posted: never retried automatically (retries: 0).
		WxWorkProperties.Http settings = properties.getHttp();
		WxWorkRequestFactories requestFactories = WxWorkHttpClients.create(properties.getApiBaseUrl(),
				settings.getConnectTimeout(), settings.getReadTimeout(), null, settings.getMediaTimeout(), List.of(),
				WxWorkWebhookBeans.class.getClassLoader(), WxWorkBeans.proxy(settings.getProxy()));
		WxWorkHttpClient http = new WxWorkHttpClient(properties.getApiBaseUrl(), requestFactories,
				new RetryPolicy(0, properties.getRetry().getInitialBackoff(), properties.getRetry().getMaxBackoff()),
				WxWorkHttpClient.DEFAULT_DUPLICATE_CHECK_INTERVAL, observations);
		List<WxWorkWebhook> webhooks = new ArrayList<>();
		properties.getWebhooks().forEach((name, webhook) -> webhooks.add(new WxWorkWebhook(name,
				WebhookAddress.of(webhook.getKey(), webhook.getUrl(), properties.getApiBaseUrl()), http, limiter,
				properties.getWebhookLimit().getMaxWait())));
		return new WxWorkWebhooks(webhooks);
	}

}

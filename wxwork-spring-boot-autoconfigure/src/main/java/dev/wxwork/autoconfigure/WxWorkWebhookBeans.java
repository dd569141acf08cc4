package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.ssl.SslBundles;

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

	static WxWorkWebhooks webhooks(WxWorkProperties properties, SslBundles sslBundles, WebhookRateLimiter limiter,
			ObservationRegistry observations) {
		WxWorkPropertiesValidator.validateWebhooks(properties);
		// A post that failed may still have been posted: never retried automatically (retries: 0).
		WxWorkRequestFactories requestFactories = WxWorkBeans.requestFactories(properties, sslBundles);
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

package dev.wxwork.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.redis.RedisHealth;
import dev.wxwork.token.CredentialStatus;
import dev.wxwork.token.SharedCredential;

/**
 * What the {@code wxwork} health indicator reports, without Spring Boot: per app, what its access token's
 * last refresh came to, from cached state only (a check never calls WeCom or Redis and answers at once).
 * An app whose token was never fetched starts a refresh in the background and shows {@code UNKNOWN} until it
 * completes. A wrong secret (40001) or an untrusted IP (60020) shows as an app {@code DOWN} with its errcode;
 * a failed early refresh while the token still serves leaves the app {@code UP} with the failure as a detail.
 * With Redis, its state (as the library's command guard last saw it) is a detail.
 * <p>
 * WeCom is an external dependency: by default an app that is down is a detail ({@code apps.<name>.status}
 * and {@code appsDown}) and the status stays {@code UP}; with {@code affectsStatus} it is {@code DOWN} when
 * any app is. Each Spring Boot line's indicator only hands this on.
 * @param status {@code UP}, {@code DOWN} or {@code UNKNOWN}
 * @param details the details, in order
 */
public record WxWorkHealthReport(String status, Map<String, Object> details) {

	/**
	 * The report now.
	 * @param redis the library's Redis guard, or null without Redis
	 * @param affectsStatus whether an app that is down makes the status {@code DOWN}, rather than a detail
	 */
	public static WxWorkHealthReport of(WxWorkAgents agents, RedisCommandGuard redis, boolean affectsStatus) {
		Map<String, Object> details = new LinkedHashMap<>();
		Map<String, Object> apps = new LinkedHashMap<>();
		List<String> down = new ArrayList<>();
		boolean anyUnknown = false;
		for (WxWorkAgent agent : agents.all()) {
			SharedCredential credential = agent.accessTokenCredential();
			CredentialStatus status = credential.status();
			Map<String, Object> app = new LinkedHashMap<>();
			if (status.usable()) {
				app.put("status", "UP");
				app.put("tokenValidUntil", status.expiresAt().toString());
				if (status.lastRefreshFailed()) {
					describeFailure(app, "lastRefreshFailure", status.lastFailure());
				}
			}
			else if (status.lastRefreshFailed()) {
				down.add(agent.name());
				app.put("status", "DOWN");
				describeFailure(app, "error", status.lastFailure());
			}
			else {
				anyUnknown = true;
				credential.refreshInBackground();
				app.put("status", "UNKNOWN");
				app.put("detail", "no token yet; fetching it in the background");
			}
			apps.put(agent.name(), app);
		}
		String status;
		if (!down.isEmpty() && affectsStatus) {
			status = "DOWN";
		}
		else if (!down.isEmpty()) {
			// an external dependency's outage is a detail: the application itself still serves
			status = "UP";
		}
		else if (anyUnknown) {
			status = "UNKNOWN";
		}
		else {
			status = "UP";
		}
		details.put("apps", apps);
		if (!down.isEmpty()) {
			details.put("appsDown", down);
		}
		if (redis != null) {
			RedisHealth health = redis.health();
			Map<String, Object> store = new LinkedHashMap<>();
			store.put("available", health.available());
			if (health.bypassedUntil() != null) {
				store.put("bypassedUntil", health.bypassedUntil().toString());
			}
			if (health.lastFailure() != null) {
				store.put("lastFailure", health.lastFailure());
				store.put("lastFailureAt", health.lastFailureAt().toString());
			}
			details.put("redis", store);
		}
		return new WxWorkHealthReport(status, Collections.unmodifiableMap(details));
	}

	private static void describeFailure(Map<String, Object> app, String name, RuntimeException failure) {
		if (failure instanceof WxWorkApiException api) {
			app.put("errcode", api.getErrcode());
		}
		app.put(name, String.valueOf(failure.getMessage()));
	}

}

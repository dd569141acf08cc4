package dev.wxwork.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.redis.RedisCommandGuard;
import dev.wxwork.redis.RedisHealth;
import dev.wxwork.token.CredentialStatus;
import dev.wxwork.token.SharedCredential;

/**
 * Reports, per app, what its access token's last refresh came to, from cached state only: a check
 * never calls WeCom or Redis and answers at once. An app whose token was never fetched starts a refresh
 * in the background and shows {@code UNKNOWN} until it completes. A wrong secret (40001) or an untrusted
 * IP (60020) shows here as {@code DOWN} with its errcode; a failed early refresh while the token still
 * serves leaves the app {@code UP} with the failure as a detail. With Redis, its state (as the library's
 * command guard last saw it) is a detail: calls keep working from process memory while it is down.
 */
public class WxWorkHealthIndicator extends AbstractHealthIndicator {

	private final WxWorkAgents agents;

	private final RedisCommandGuard redis;

	public WxWorkHealthIndicator(WxWorkAgents agents) {
		this(agents, null);
	}

	/** @param redis the library's Redis guard, or null without Redis */
	public WxWorkHealthIndicator(WxWorkAgents agents, RedisCommandGuard redis) {
		super("WeCom health check failed");
		this.agents = agents;
		this.redis = redis;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> apps = new LinkedHashMap<>();
		boolean anyDown = false;
		boolean anyUnknown = false;
		for (WxWorkAgent agent : this.agents.all()) {
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
				anyDown = true;
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
		if (anyDown) {
			builder.down();
		}
		else if (anyUnknown) {
			builder.unknown();
		}
		else {
			builder.up();
		}
		builder.withDetail("apps", apps);
		if (this.redis != null) {
			RedisHealth redis = this.redis.health();
			Map<String, Object> store = new LinkedHashMap<>();
			store.put("available", redis.available());
			if (redis.bypassedUntil() != null) {
				store.put("bypassedUntil", redis.bypassedUntil().toString());
			}
			if (redis.lastFailure() != null) {
				store.put("lastFailure", redis.lastFailure());
				store.put("lastFailureAt", redis.lastFailureAt().toString());
			}
			builder.withDetail("redis", store);
		}
	}

	private static void describeFailure(Map<String, Object> app, String name, RuntimeException failure) {
		if (failure instanceof WxWorkApiException api) {
			app.put("errcode", api.getErrcode());
		}
		app.put(name, String.valueOf(failure.getMessage()));
	}

}

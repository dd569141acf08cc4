package dev.wxwork.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * IP (60020) shows here as an app {@code DOWN} with its errcode; a failed early refresh while the token
 * still serves leaves the app {@code UP} with the failure as a detail. With Redis, its state (as the
 * library's command guard last saw it) is a detail: calls keep working from process memory while it is down.
 * <p>
 * WeCom is an external dependency: by default an app that is down is a detail ({@code apps.<name>.status}
 * and {@code appsDown}), and the indicator itself stays {@code UP}, so that a rotated secret or a WeCom
 * outage does not make the aggregate health {@code DOWN} (503) and take every instance out of service.
 * With {@code affectsStatus} the indicator is {@code DOWN} when any app is.
 */
public class WxWorkHealthIndicator extends AbstractHealthIndicator {

	private final WxWorkAgents agents;

	private final RedisCommandGuard redis;

	private final boolean affectsStatus;

	public WxWorkHealthIndicator(WxWorkAgents agents) {
		this(agents, null);
	}

	/** @param redis the library's Redis guard, or null without Redis */
	public WxWorkHealthIndicator(WxWorkAgents agents, RedisCommandGuard redis) {
		this(agents, redis, false);
	}

	/**
	 * @param redis the library's Redis guard, or null without Redis
	 * @param affectsStatus whether an app that is down makes this indicator {@code DOWN}, rather than a detail
	 */
	public WxWorkHealthIndicator(WxWorkAgents agents, RedisCommandGuard redis, boolean affectsStatus) {
		super("WeCom health check failed");
		this.agents = agents;
		this.redis = redis;
		this.affectsStatus = affectsStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> apps = new LinkedHashMap<>();
		List<String> down = new ArrayList<>();
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
		if (!down.isEmpty() && this.affectsStatus) {
			builder.down();
		}
		else if (!down.isEmpty()) {
			// an external dependency's outage is a detail: the application itself still serves
			builder.up();
		}
		else if (anyUnknown) {
			builder.unknown();
		}
		else {
			builder.up();
		}
		builder.withDetail("apps", apps);
		if (!down.isEmpty()) {
			builder.withDetail("appsDown", down);
		}
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

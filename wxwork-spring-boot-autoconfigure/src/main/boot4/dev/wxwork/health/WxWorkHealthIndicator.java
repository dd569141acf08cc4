package dev.wxwork.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.redis.RedisCommandGuard;

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
 * <p>
 * Spring Boot's form of {@link WxWorkHealthReport}, which holds what is reported and why. The Boot 3.5 line
 * compiles this very file with Boot 3.5's package names of the health types (its build rewrites the imports).
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
		WxWorkHealthReport report = WxWorkHealthReport.of(this.agents, this.redis, this.affectsStatus);
		builder.status(report.status()).withDetails(report.details());
	}

}

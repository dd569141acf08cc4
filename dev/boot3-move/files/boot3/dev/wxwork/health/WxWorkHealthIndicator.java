package dev.wxwork.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.redis.RedisCommandGuard;

/**
 * The {@code wxwork} health indicator: Spring Boot's form of {@link WxWorkHealthReport}, which holds
 * what is reported and why.
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
		WxWorkHealthReport report = WxWorkHealthReport.of(this.agents, this.redis);
		builder.status(report.status()).withDetails(report.details());
	}

}

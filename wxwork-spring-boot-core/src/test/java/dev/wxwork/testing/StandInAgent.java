package dev.wxwork.testing;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.TokenSettings;

/** Agents that talk to a {@link WeComStandIn}, built the way the application context builds them. */
public final class StandInAgent {

	/** The corp id the stand-in expects. */
	public static final String CORP_ID = "corp1";

	/** The secret the stand-in accepts. */
	public static final String SECRET = "s3cr3t";

	/** The AgentId of {@link #of(WeComStandIn)}. */
	public static final long AGENT_ID = 1000002L;

	private StandInAgent() {
	}

	/** A stand-in for corp {@link #CORP_ID} that accepts {@link #SECRET}. */
	public static WeComStandIn wecom() {
		return new WeComStandIn(CORP_ID).secret(SECRET);
	}

	/** An app with AgentId {@link #AGENT_ID}. */
	public static WxWorkAgent of(WeComStandIn wecom) {
		return of(wecom, AGENT_ID);
	}

	/** An app with this AgentId, or a secret without one (null). */
	public static WxWorkAgent of(WeComStandIn wecom, Long agentId) {
		return of(wecom, agentId, SECRET);
	}

	/** An app with this AgentId and secret (which the stand-in may not accept). */
	public static WxWorkAgent of(WeComStandIn wecom, Long agentId, String secret) {
		WxWorkHttpClient http = new WxWorkHttpClient(wecom.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10),
				new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)));
		return new WxWorkAgent("app", agentId, CORP_ID, secret, http, new MemoryAccessTokenStore(),
				new CredentialKeys("test"), TokenSettings.defaults(), Clock.systemUTC());
	}

	/** JSON as a tree, for comparing what the library sent with what WeCom documents, field order aside. */
	public static JsonNode json(String json) {
		return WxWorkJson.mapper().readTree(json);
	}

}

package dev.wxwork.agent;

import java.time.Clock;

import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.TokenSettings;

/** Makes the agent of each configured app, all sharing one HTTP client and one token store. */
public class WxWorkAgentFactory {

	private final String corpId;

	private final WxWorkHttpClient http;

	private final AccessTokenStore store;

	private final CredentialKeys keys;

	private final TokenSettings settings;

	private final Clock clock;

	public WxWorkAgentFactory(String corpId, WxWorkHttpClient http, AccessTokenStore store, CredentialKeys keys,
			TokenSettings settings, Clock clock) {
		this.corpId = corpId;
		this.http = http;
		this.store = store;
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	public WxWorkAgent create(String name, Long agentId, String secret) {
		return new WxWorkAgent(name, agentId, this.corpId, secret, this.http, this.store, this.keys, this.settings,
				this.clock);
	}

	/** The token store in use. */
	public AccessTokenStore store() {
		return this.store;
	}

}

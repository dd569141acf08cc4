package dev.wxwork.token;

import java.time.Duration;

import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.wxwork.client.WxWorkHttpClient;

/**
 * Fetches an app's access token: {@code GET /cgi-bin/gettoken?corpid=ID&corpsecret=SECRET} (doc 91039).
 * {@link #toString()} never shows the secret.
 */
public final class AccessTokenFetcher implements CredentialFetcher {

	static final String PATH = "/cgi-bin/gettoken";

	private final WxWorkHttpClient http;

	private final String corpId;

	private final String secret;

	public AccessTokenFetcher(WxWorkHttpClient http, String corpId, String secret) {
		this.http = http;
		this.corpId = corpId;
		this.secret = secret;
	}

	@Override
	public IssuedCredential fetch() {
		String uri = UriComponentsBuilder.fromPath(PATH)
			.queryParam("corpid", "{corpid}")
			.queryParam("corpsecret", "{corpsecret}")
			.build()
			.toUriString();
		JsonNode body = this.http.call(PATH, null, () -> this.http.restClient()
			.get()
			.uri(uri, this.corpId, this.secret)
			.retrieve()
			.body(JsonNode.class));
		return new IssuedCredential(body.path("access_token").asString(null),
				Duration.ofSeconds(body.path("expires_in").asLong(7200)));
	}

	@Override
	public String toString() {
		return "AccessTokenFetcher[corpId=" + this.corpId + ", secret=******]";
	}

}

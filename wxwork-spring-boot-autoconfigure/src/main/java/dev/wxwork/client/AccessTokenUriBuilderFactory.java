package dev.wxwork.client;

import java.net.URI;
import java.util.Map;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * Expands request URIs against the API base URL and appends the access token of the call in progress.
 * The token is handed over in a thread-local by {@link WxWorkHttpClient#call}, which therefore knows
 * exactly which token a failed call used.
 */
final class AccessTokenUriBuilderFactory implements UriBuilderFactory {

	static final ThreadLocal<String> CURRENT_TOKEN = new ThreadLocal<>();

	private final DefaultUriBuilderFactory delegate;

	AccessTokenUriBuilderFactory(String baseUrl) {
		this.delegate = new DefaultUriBuilderFactory(baseUrl);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		UriBuilder builder = this.delegate.uriString(uriTemplate);
		String token = CURRENT_TOKEN.get();
		return (token != null) ? builder.queryParam("access_token", token) : builder;
	}

	@Override
	public UriBuilder builder() {
		return uriString("");
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return uriString(uriTemplate).build(uriVariables);
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		return uriString(uriTemplate).build(uriVariables);
	}

}

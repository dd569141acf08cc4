package dev.wxwork.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Expands request URIs against the API base URL and appends the access token of the call in progress.
 * The token is handed over in a thread-local by {@link WxWorkHttpClient#call}, which therefore knows
 * exactly which token a failed call used.
 * <p>
 * The token goes to the configured WeCom origin only: a call with a token whose URI template is an
 * absolute URL of another scheme, host or port is refused before anything is sent.
 */
final class AccessTokenUriBuilderFactory implements UriBuilderFactory {

	static final ThreadLocal<String> CURRENT_TOKEN = new ThreadLocal<>();

	private final DefaultUriBuilderFactory delegate;

	private final Origin origin;

	private final String baseUrl;

	private volatile EncodedToken lastToken;

	AccessTokenUriBuilderFactory(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.delegate = new DefaultUriBuilderFactory(baseUrl);
		this.origin = Origin.of(UriComponentsBuilder.fromUriString(baseUrl).build());
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		String token = CURRENT_TOKEN.get();
		if (token == null) {
			return this.delegate.uriString(uriTemplate);
		}
		if (isPlainPath(uriTemplate)) {
			// RestClient asks for this builder only to record the URI template as a request attribute
			// (toUriString()) on every call: give that string without parsing, and a full builder on demand
			return new PlainPathUriBuilder(plainUri(uriTemplate, token),
					() -> this.delegate.uriString(uriTemplate).queryParam("access_token", token));
		}
		requireWeComOrigin(uriTemplate);
		return this.delegate.uriString(uriTemplate).queryParam("access_token", token);
	}

	// base URL, path and encoded token, as UriComponentsBuilder would make them of a plain path
	private String plainUri(String path, String token) {
		return this.baseUrl + path + "?access_token=" + encoded(token);
	}

	// WeCom's tokens are URL-safe; one changes every two hours or so, so the last encoding is kept
	private String encoded(String token) {
		EncodedToken last = this.lastToken;
		if (last != null && last.token().equals(token)) {
			return last.encoded();
		}
		String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
		this.lastToken = new EncodedToken(token, encoded);
		return encoded;
	}

	private void requireWeComOrigin(String uriTemplate) {
		if (!uriTemplate.contains("://") && !uriTemplate.startsWith("//")) {
			return;
		}
		int authorityStart = uriTemplate.indexOf("//") + 2;
		int authorityEnd = authorityStart;
		while (authorityEnd < uriTemplate.length() && "/?#".indexOf(uriTemplate.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		if (uriTemplate.substring(0, authorityEnd).indexOf('{') >= 0) {
			// variables stand for the scheme, host or port: expand() checks the URI they make
			return;
		}
		Origin target = Origin.of(UriComponentsBuilder.fromUriString(uriTemplate).build());
		if (!this.origin.equals(target)) {
			throw refused(target);
		}
	}

	private WxWorkException refused(Origin target) {
		return new WxWorkException("Refused to send the access token to " + target + ": it goes only to the WeCom API at "
				+ this.origin + " (wxwork.api-base-url); call other hosts with a client of their own", null, false);
	}

	static boolean sameOrigin(String baseUrl, URI uri) {
		return Origin.of(UriComponentsBuilder.fromUriString(baseUrl).build()).equals(Origin.of(uri));
	}

	@Override
	public UriBuilder builder() {
		return uriString("");
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		String token = CURRENT_TOKEN.get();
		if (token != null && uriVariables.isEmpty() && isPlainPath(uriTemplate)) {
			// most WeCom calls: a fixed path and the token, without parsing and encoding a template
			return URI.create(plainUri(uriTemplate, token));
		}
		return checked(uriString(uriTemplate).build(uriVariables));
	}

	// a path of URL-safe characters only, with nothing to expand or encode
	private static boolean isPlainPath(String uriTemplate) {
		if (uriTemplate.isEmpty() || uriTemplate.charAt(0) != '/' || uriTemplate.startsWith("//")) {
			return false;
		}
		for (int i = 0; i < uriTemplate.length(); i++) {
			char c = uriTemplate.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
					|| c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		return checked(uriString(uriTemplate).build(uriVariables));
	}

	// the template's variables may have made another origin of it
	private URI checked(URI uri) {
		if (CURRENT_TOKEN.get() != null && !this.origin.equals(Origin.of(uri))) {
			throw refused(Origin.of(uri));
		}
		return uri;
	}

	/** Scheme, host and port, with the scheme's default port filled in. */
	private record Origin(String scheme, String host, int port) {

		static Origin of(UriComponents uri) {
			return of(uri.getScheme(), uri.getHost(), uri.getPort());
		}

		static Origin of(URI uri) {
			return of(uri.getScheme(), uri.getHost(), uri.getPort());
		}

		private static Origin of(String rawScheme, String rawHost, int rawPort) {
			String scheme = (rawScheme != null) ? rawScheme.toLowerCase(Locale.ROOT) : "";
			String host = (rawHost != null) ? rawHost.toLowerCase(Locale.ROOT) : "";
			int port = rawPort;
			if (port < 0) {
				port = switch (scheme) {
					case "https" -> 443;
					case "http" -> 80;
					default -> -1;
				};
			}
			return new Origin(scheme, host, port);
		}

		@Override
		public String toString() {
			return this.scheme + "://" + this.host + ":" + this.port;
		}

	}

	private record EncodedToken(String token, String encoded) {

		@Override
		public String toString() {
			return "EncodedToken[hidden]";
		}

	}

	/**
	 * The builder of a plain path with the token: its URI is known without parsing anything. Any change
	 * goes to the full builder of the same URI, made on the first change.
	 */
	private static final class PlainPathUriBuilder implements UriBuilder {

		private final String uri;

		private final Supplier<UriBuilder> full;

		private UriBuilder builder;

		PlainPathUriBuilder(String uri, Supplier<UriBuilder> full) {
			this.uri = uri;
			this.full = full;
		}

		private UriBuilder full() {
			if (this.builder == null) {
				this.builder = this.full.get();
			}
			return this.builder;
		}

		@Override
		public String toUriString() {
			return (this.builder != null) ? this.builder.toUriString() : this.uri;
		}

		@Override
		public URI build(Object... uriVariables) {
			return (this.builder != null) ? this.builder.build(uriVariables) : URI.create(this.uri);
		}

		@Override
		public URI build(Map<String, ? extends Object> uriVariables) {
			return (this.builder != null) ? this.builder.build(uriVariables) : URI.create(this.uri);
		}

		@Override
		public UriBuilder scheme(String scheme) {
			return full().scheme(scheme);
		}

		@Override
		public UriBuilder userInfo(String userInfo) {
			return full().userInfo(userInfo);
		}

		@Override
		public UriBuilder host(String host) {
			return full().host(host);
		}

		@Override
		public UriBuilder port(int port) {
			return full().port(port);
		}

		@Override
		public UriBuilder port(String port) {
			return full().port(port);
		}

		@Override
		public UriBuilder path(String path) {
			return full().path(path);
		}

		@Override
		public UriBuilder replacePath(String path) {
			return full().replacePath(path);
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			return full().pathSegment(pathSegments);
		}

		@Override
		public UriBuilder query(String query) {
			return full().query(query);
		}

		@Override
		public UriBuilder replaceQuery(String query) {
			return full().replaceQuery(query);
		}

		@Override
		public UriBuilder queryParam(String name, Object... values) {
			return full().queryParam(name, values);
		}

		@Override
		public UriBuilder queryParam(String name, Collection<?> values) {
			return full().queryParam(name, values);
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			return full().queryParamIfPresent(name, value);
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			return full().queryParams(params);
		}

		@Override
		public UriBuilder replaceQueryParam(String name, Object... values) {
			return full().replaceQueryParam(name, values);
		}

		@Override
		public UriBuilder replaceQueryParam(String name, Collection<?> values) {
			return full().replaceQueryParam(name, values);
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			return full().replaceQueryParams(params);
		}

		@Override
		public UriBuilder fragment(String fragment) {
			return full().fragment(fragment);
		}

	}

}

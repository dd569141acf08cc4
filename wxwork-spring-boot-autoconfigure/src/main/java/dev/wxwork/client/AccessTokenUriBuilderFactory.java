package dev.wxwork.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

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
		requireWeComOrigin(uriTemplate);
		return this.delegate.uriString(uriTemplate).queryParam("access_token", token);
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
			return URI.create(this.baseUrl + uriTemplate + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
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

}

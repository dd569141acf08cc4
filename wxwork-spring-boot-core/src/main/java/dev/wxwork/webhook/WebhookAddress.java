package dev.wxwork.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a group robot is reached: a base URL and the robot's key, the only credential of a webhook
 * (doc 91770). Made from the key alone, from the whole address as copied from the group's settings
 * ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}), or from a base URL and a key (for
 * private deployments and local stand-ins). The key never appears in {@link #toString()} or in a
 * message of this class.
 */
public final class WebhookAddress {

	static final String SEND_PATH = "/cgi-bin/webhook/send";

	static final String UPLOAD_PATH = "/cgi-bin/webhook/upload_media";

	// WeCom's keys are UUIDs; accept any run of letters, digits and dashes, refuse anything that would
	// need escaping in a URL (a pasted space, quote or second parameter).
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,128}");

	private static final Pattern KEY_PARAMETER = Pattern.compile("(?:^|&)key=([^&]*)");

	private final String baseUrl;

	private final String key;

	private WebhookAddress(String baseUrl, String key) {
		this.baseUrl = baseUrl;
		this.key = key;
	}

	/**
	 * The address of a robot.
	 * @param key the robot's key, or null when {@code url} holds it
	 * @param url the whole webhook address with its {@code key=}, a base URL for {@code key}, or null
	 * @param defaultBaseUrl the base URL when {@code url} is null (the API base URL)
	 * @throws IllegalArgumentException naming what is wrong, never quoting the key
	 */
	public static WebhookAddress of(String key, String url, String defaultBaseUrl) {
		String keyInUrl = null;
		String base;
		if (url != null && !url.isBlank()) {
			URI uri = parse(url.trim());
			if (uri.getRawQuery() != null) {
				Matcher matcher = KEY_PARAMETER.matcher(uri.getRawQuery());
				if (matcher.find()) {
					keyInUrl = matcher.group(1);
				}
			}
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			if (keyInUrl != null) {
				if (!path.endsWith(SEND_PATH)) {
					throw new IllegalArgumentException("a webhook address with a key must end in " + SEND_PATH
							+ "?key=… (copy it from the robot's settings in the group chat)");
				}
				path = path.substring(0, path.length() - SEND_PATH.length());
			}
			else if (uri.getRawQuery() != null) {
				throw new IllegalArgumentException("the webhook address has a query but no key=");
			}
			base = uri.getScheme() + "://" + uri.getRawAuthority() + trimSlash(path);
		}
		else {
			if (defaultBaseUrl == null || defaultBaseUrl.isBlank()) {
				throw new IllegalArgumentException("no base URL to send to");
			}
			base = trimSlash(parse(defaultBaseUrl.trim()).toString());
		}
		String effectiveKey = (key != null && !key.isBlank()) ? key.trim() : keyInUrl;
		if (effectiveKey == null || effectiveKey.isEmpty()) {
			throw new IllegalArgumentException("no key: set the key, or the whole address with its key=");
		}
		if (keyInUrl != null && key != null && !key.isBlank() && !keyInUrl.equals(key.trim())) {
			throw new IllegalArgumentException("the key differs from the key= in the address; set one of them");
		}
		if (!KEY.matcher(effectiveKey).matches()) {
			throw new IllegalArgumentException("the key must be letters, digits and '-' (a UUID as WeCom issues it)");
		}
		return new WebhookAddress(base, effectiveKey);
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			// the reason quotes the input, which may hold the key
			throw new IllegalArgumentException("not a valid URL");
		}
		if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
				|| uri.getRawAuthority() == null) {
			throw new IllegalArgumentException("not an http(s) URL");
		}
		return uri;
	}

	private static String trimSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	/** The base URL the robot's paths are appended to; it holds no key. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** A one-way fingerprint of the key (128 bits of SHA-256, hex): names the robot in shared counters. */
	public String fingerprint() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	URI sendUri() {
		return UriComponentsBuilder.fromUriString(this.baseUrl + SEND_PATH).queryParam("key", this.key).build(true).toUri();
	}

	URI uploadUri(String type) {
		return UriComponentsBuilder.fromUriString(this.baseUrl + UPLOAD_PATH)
			.queryParam("key", this.key)
			.queryParam("type", type)
			.build(true)
			.toUri();
	}

	@Override
	public String toString() {
		return "WebhookAddress[" + this.baseUrl + ", key=******]";
	}

}

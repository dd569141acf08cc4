package dev.wxwork.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Store keys of shared credentials: the corp id and a one-way fingerprint of the secret, under a
 * prefix. Two secrets never share a key, and a key never reveals its secret. The corp id and fingerprint
 * are a Redis Cluster hash tag ({@code {...}}), so a credential's token, generation, failure and lock keys
 * (the key plus a suffix) share one hash slot and its scripts run on one node.
 */
public final class CredentialKeys {

	private final String prefix;

	public CredentialKeys(String prefix) {
		this.prefix = prefix;
	}

	/** Key of the access token of a secret. */
	public String accessToken(String corpId, String secret) {
		return this.prefix + ":token:" + tag(corpId, secret);
	}

	/** Key of a JS-SDK ticket ({@code jsapi} or {@code agent_config}) of a secret. */
	public String ticket(String type, String corpId, String secret) {
		return this.prefix + ":ticket:" + type + ":" + tag(corpId, secret);
	}

	private static String tag(String corpId, String secret) {
		return "{" + corpId + ":" + fingerprint(secret) + "}";
	}

	/** The first 128 bits of SHA-256 of the secret, in hex. */
	static String fingerprint(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}

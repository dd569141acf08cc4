package dev.wxwork.api.jssdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.wxwork.api.WeComDoc;

/**
 * Signs the JS-SDK's {@code wx.config} and {@code wx.agentConfig} for a page (doc 90506), with the
 * app's cached tickets. Sign on the server, for the exact URL of the page that calls them.
 */
public final class JsSdkSigner {

	private static final char[] NONCE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final String corpId;

	private final LongSupplier agentId;

	private final Supplier<String> jsapiTicket;

	private final Supplier<String> agentConfigTicket;

	private final Clock clock;

	/**
	 * @param corpId the corp id
	 * @param agentId the app's AgentId, asked for only by {@link #agentConfig}
	 * @param jsapiTicket the corp's cached jsapi_ticket
	 * @param agentConfigTicket the app's cached agent_config ticket
	 */
	public JsSdkSigner(String corpId, LongSupplier agentId, Supplier<String> jsapiTicket,
			Supplier<String> agentConfigTicket, Clock clock) {
		this.corpId = corpId;
		this.agentId = agentId;
		this.jsapiTicket = jsapiTicket;
		this.agentConfigTicket = agentConfigTicket;
		this.clock = clock;
	}

	/** The signed {@code wx.config} for the page at this URL (doc 90506); a {@code #fragment} is ignored. */
	@WeComDoc(value = "90506", path = "wx.config")
	public JsSdkConfig config(String url) {
		long timestamp = this.clock.instant().getEpochSecond();
		String nonce = nonce();
		return new JsSdkConfig(this.corpId, timestamp, nonce, sign(this.jsapiTicket.get(), nonce, timestamp, url));
	}

	/** The signed {@code wx.agentConfig} for the page at this URL (doc 94313); a {@code #fragment} is ignored. */
	@WeComDoc(value = "94313", path = "wx.agentConfig")
	public JsSdkAgentConfig agentConfig(String url) {
		long agentid = this.agentId.getAsLong();
		long timestamp = this.clock.instant().getEpochSecond();
		String nonce = nonce();
		return new JsSdkAgentConfig(this.corpId, agentid, timestamp, nonce,
				sign(this.agentConfigTicket.get(), nonce, timestamp, url));
	}

	/**
	 * The JS-SDK signature (doc 90506): the hex SHA-1 of
	 * {@code jsapi_ticket=…&noncestr=…&timestamp=…&url=…}, with the URL's {@code #fragment} removed
	 * and nothing URL-encoded.
	 */
	@WeComDoc(value = "90506", path = "JS-SDK signature")
	public static String sign(String ticket, String nonceStr, long timestamp, String url) {
		int fragment = url.indexOf('#');
		String page = (fragment >= 0) ? url.substring(0, fragment) : url;
		String plain = "jsapi_ticket=" + ticket + "&noncestr=" + nonceStr + "&timestamp=" + timestamp + "&url=" + page;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(plain.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is missing from this JVM", ex);
		}
	}

	// 16 characters from SecureRandom: an unpredictable nonce, within WeCom's 32-character limit.
	private String nonce() {
		char[] nonce = new char[16];
		for (int i = 0; i < nonce.length; i++) {
			nonce[i] = NONCE_CHARACTERS[this.random.nextInt(NONCE_CHARACTERS.length)];
		}
		return new String(nonce);
	}

}

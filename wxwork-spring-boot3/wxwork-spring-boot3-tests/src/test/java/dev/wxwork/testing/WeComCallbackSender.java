package dev.wxwork.testing;

// A frozen, Jackson-free copy of the stand-in as it was at 78290eb, for the Boot 3.5 smoke test only: the test
// kit (wxwork-spring-boot-test) needs Jackson 3, which a Boot 3.5 application with Boot's own Jackson 2 lacks.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

/**
 * Plays WeCom's side of a callback URL in tests: seals messages as WeCom does, sends them over real
 * HTTP, and forges the broken ones an attacker would send.
 */
public final class WeComCallbackSender {

	// counted, not drawn: two messages of one run never share a MsgId (and so are never taken for a retry)
	private static final AtomicLong MSG_IDS = new AtomicLong(4_000_000_000_000_000L);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	private final CallbackCrypto crypto;

	private final String corpId;

	public WeComCallbackSender(String url, CallbackCrypto crypto, String corpId) {
		this.url = url;
		this.crypto = crypto;
		this.corpId = corpId;
	}

	public CallbackCrypto crypto() {
		return this.crypto;
	}

	/** Seals the plaintext message as WeCom does and POSTs it. */
	public HttpResponse<String> send(String message) {
		return send(this.crypto.seal(message));
	}

	/** POSTs a sealed message. */
	public HttpResponse<String> send(SealedMessage sealed) {
		return post(sealed.callbackQuery(), sealed.callbackXml(this.corpId, 1000002L));
	}

	/** Runs WeCom's URL verification with a sealed echo string. */
	public HttpResponse<String> verify(String echo) {
		return get(this.crypto.seal(echo).verificationQuery());
	}

	public HttpResponse<String> get(String query) {
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + query)).GET());
	}

	public HttpResponse<String> post(String query, String body) {
		return exchange(HttpRequest.newBuilder(URI.create(this.url + "?" + query))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A text message from a member, as WeCom sends it, with a fresh MsgId. */
	public String textMessage(String from, String content) {
		return "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[" + from
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content.replace("]]>", "]]]]><![CDATA[>")
				+ "]]></Content><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId><AgentID>1000002</AgentID></xml>";
	}

	/** An event as WeCom sends it: the common elements, then the given ones. */
	public String event(String from, String event, String elements) {
		return "<xml><ToUserName><![CDATA[" + this.corpId + "]]></ToUserName><FromUserName><![CDATA[" + from
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>" + elements
				+ "<AgentID>1000002</AgentID></xml>";
	}

	/** WeCom's plaintext layout (random prefix, length, message, receive id, PKCS#7 to 32), to be broken on purpose. */
	public static byte[] plaintext(String message, String receiveId) {
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
		int unpadded = 20 + body.length + id.length;
		int pad = 32 - unpadded % 32;
		byte[] plain = new byte[unpadded + pad];
		plain[16] = (byte) (body.length >>> 24);
		plain[17] = (byte) (body.length >>> 16);
		plain[18] = (byte) (body.length >>> 8);
		plain[19] = (byte) body.length;
		System.arraycopy(body, 0, plain, 20, body.length);
		System.arraycopy(id, 0, plain, 20 + body.length, id.length);
		Arrays.fill(plain, unpadded, plain.length, (byte) pad);
		return plain;
	}

	/** AES-256-CBC without padding of its own, as a forger with the key would encrypt a broken plaintext. */
	public static String encryptRaw(String encodingAesKey, byte[] plain) {
		try {
			byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A correctly signed envelope around any ciphertext, so that the checks after the signature are reached. */
	public SealedMessage signed(String encrypt) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		return new SealedMessage(encrypt, this.crypto.signature(timestamp, "12345", encrypt), timestamp, "12345");
	}

}

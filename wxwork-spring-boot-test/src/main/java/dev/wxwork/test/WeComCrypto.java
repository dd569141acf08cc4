package dev.wxwork.test;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * WeCom's callback crypto (doc 91144) as WeCom's side does it, written for this kit from the
 * documentation alone and on the JDK only: it shares no code with the library it tests, so a bug that
 * the library made symmetrically (sealing and opening alike wrong) still fails against it. Its own tests
 * check it against WeCom's official sample vector.
 * <p>
 * AES key = Base64(EncodingAESKey + "="), AES-256-CBC with the key's first 16 bytes as IV, plaintext =
 * 16 random bytes, the message length (4 bytes, big-endian), the message, the receive id, padded PKCS#7
 * to a multiple of 32; {@code msg_signature = hex(sha1(sort(token, timestamp, nonce, encrypt)))}.
 */
public final class WeComCrypto {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String token;

	private final byte[] key;

	private final String receiveId;

	/**
	 * @param token the callback Token
	 * @param encodingAesKey the 43-character EncodingAESKey
	 * @param receiveId the corp id for an app's callbacks, the empty string for an AI bot's
	 */
	public WeComCrypto(String token, String encodingAesKey, String receiveId) {
		this.token = token;
		this.key = Base64.getDecoder().decode(encodingAesKey + "=");
		if (this.key.length != 32) {
			throw new IllegalArgumentException("An EncodingAESKey is 43 characters, decoding to 32 bytes");
		}
		this.receiveId = receiveId;
	}

	/** A message sealed as WeCom seals a callback, with its query parameters. */
	public record Sealed(String encrypt, String signature, String timestamp, String nonce) {

		/** {@code msg_signature=…&timestamp=…&nonce=…}, the query of a POSTed callback. */
		public String callbackQuery() {
			return "msg_signature=" + encode(this.signature) + "&timestamp=" + encode(this.timestamp) + "&nonce="
					+ encode(this.nonce);
		}

		/** The query of WeCom's URL verification, the sealed message being the echostr. */
		public String verificationQuery() {
			return callbackQuery() + "&echostr=" + encode(this.encrypt);
		}

		/** The XML body WeCom POSTs to an app's callback URL. */
		public String callbackXml(String toUserName, Long agentId) {
			return "<xml><ToUserName><![CDATA[" + toUserName + "]]></ToUserName>"
					+ ((agentId != null) ? "<AgentID><![CDATA[" + agentId + "]]></AgentID>" : "")
					+ "<Encrypt><![CDATA[" + this.encrypt + "]]></Encrypt></xml>";
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** Seals a message now, with a fresh nonce. */
	public Sealed seal(String message) {
		return seal(message, String.valueOf(Instant.now().getEpochSecond()), String.valueOf(RANDOM.nextInt(1_000_000_000)));
	}

	/** Seals a message with this clock's time and a fresh nonce. */
	public Sealed seal(String message, java.time.Clock clock) {
		return seal(message, String.valueOf(clock.millis() / 1000), String.valueOf(RANDOM.nextInt(1_000_000_000)));
	}

	/** Seals a message with this timestamp and nonce (an old timestamp makes a stale callback). */
	public Sealed seal(String message, String timestamp, String nonce) {
		String encrypt = encrypt(message);
		return new Sealed(encrypt, signature(timestamp, nonce, encrypt), timestamp, nonce);
	}

	/** The Base64 ciphertext of a message, with a random prefix. */
	public String encrypt(String message) {
		return encryptRaw(plaintext(message));
	}

	/**
	 * The plaintext WeCom encrypts for a message: 16 random bytes, the length, the message, the receive id and
	 * PKCS#7 padding to 32. Break it on purpose (a wrong length, padding or receive id) and pass it to
	 * {@link #encryptRaw} and {@link #signed} to test that the app refuses what a forger holding the key sends.
	 */
	public byte[] plaintext(String message) {
		byte[] prefix = new byte[16];
		RANDOM.nextBytes(prefix);
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = this.receiveId.getBytes(StandardCharsets.UTF_8);
		int unpadded = 20 + body.length + id.length;
		int pad = 32 - unpadded % 32;
		byte[] plain = new byte[unpadded + pad];
		System.arraycopy(prefix, 0, plain, 0, 16);
		plain[16] = (byte) (body.length >>> 24);
		plain[17] = (byte) (body.length >>> 16);
		plain[18] = (byte) (body.length >>> 8);
		plain[19] = (byte) body.length;
		System.arraycopy(body, 0, plain, 20, body.length);
		System.arraycopy(id, 0, plain, 20 + body.length, id.length);
		Arrays.fill(plain, unpadded, plain.length, (byte) pad);
		return plain;
	}

	/**
	 * The Base64 AES-256-CBC ciphertext of these plaintext bytes as they are, adding no padding of its own (so
	 * their length must be a multiple of 16); see {@link #plaintext}.
	 */
	public String encryptRaw(byte[] plain) {
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain));
	}

	/**
	 * Any ciphertext, even one that is not Base64, correctly signed now with a fresh nonce, so that an app's
	 * checks after the signature are reached.
	 */
	public Sealed signed(String encrypt) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String nonce = String.valueOf(RANDOM.nextInt(1_000_000_000));
		return new Sealed(encrypt, signature(timestamp, nonce, encrypt), timestamp, nonce);
	}

	/** {@code msg_signature}: hex SHA-1 of the sorted, concatenated token, timestamp, nonce and ciphertext. */
	public String signature(String timestamp, String nonce, String encrypt) {
		String[] parts = { this.token, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens a sealed message as WeCom would: checks the signature, decrypts, checks padding, length and
	 * receive id; fails with an {@link AssertionError} saying what is wrong.
	 */
	public String open(String signature, String timestamp, String nonce, String encrypt) {
		if (!signature(timestamp, nonce, encrypt).equals(signature)) {
			throw new AssertionError("The msg_signature does not match the token, timestamp, nonce and ciphertext");
		}
		byte[] plain = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypt));
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > 32) {
			throw new AssertionError("Bad PKCS#7 padding (block size 32): " + pad);
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw new AssertionError("Bad PKCS#7 padding (block size 32)");
			}
		}
		int length = ((plain[16] & 0xff) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8) | (plain[19] & 0xff);
		int end = plain.length - pad;
		if (length < 0 || 20 + length > end) {
			throw new AssertionError("The message length " + length + " exceeds the plaintext");
		}
		String receiveId = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!receiveId.equals(this.receiveId)) {
			throw new AssertionError("Sealed for receive id '" + receiveId + "', expected '" + this.receiveId + "'");
		}
		return new String(plain, 20, length, StandardCharsets.UTF_8);
	}

	/**
	 * Opens an app's passive reply ({@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}) as
	 * WeCom would; fails when it is not one or does not verify.
	 */
	public String openReply(String replyXml) {
		Document reply = parse(replyXml);
		return open(text(reply, "MsgSignature"), text(reply, "TimeStamp"), text(reply, "Nonce"), text(reply, "Encrypt"));
	}

	static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + xml, ex);
		}
	}

	static String text(Document document, String element) {
		NodeList nodes = document.getDocumentElement().getElementsByTagName(element);
		if (nodes.getLength() == 0) {
			throw new AssertionError("No <" + element + "> in the XML");
		}
		return nodes.item(0).getTextContent();
	}

	private byte[] cipher(int mode, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(mode, new SecretKeySpec(this.key, "AES"), new IvParameterSpec(this.key, 0, 16));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("AES failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "WeComCrypto[receiveId=" + this.receiveId + "]";
	}

}

package dev.wxwork.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.crypto.CallbackCryptoException.Reason;

/**
 * WeCom's callback crypto (doc 91144) for one app: signature, AES-256-CBC decryption and sealing of
 * replies. Thread-safe; build it once per app with {@code new}.
 * <p>
 * It is stricter than WeCom's official samples: signatures and the receive id are compared in constant
 * time, the ciphertext length, the PKCS#7 padding (1 to 32 bytes, all equal) and the length field are
 * validated before any byte of the message is trusted, and random prefixes and nonces come from
 * {@link SecureRandom}. Freshness of the timestamp is the caller's concern (the endpoint checks it).
 */
public final class CallbackCrypto {

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	private static final int BLOCK = 32;

	private static final int RANDOM_PREFIX = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final byte[] receiveId;

	private final Clock clock;

	// Cipher.getInstance and AES key expansion cost more than decrypting a 1 KB callback, so a few
	// initialised engines are kept and reused; the pool is bounded, and extra engines are dropped.
	private final ArrayBlockingQueue<Engines> engines = new ArrayBlockingQueue<>(16);

	/**
	 * Crypto for one app.
	 * @param token the callback Token from the admin console
	 * @param encodingAesKey the callback EncodingAESKey from the admin console, 43 characters
	 * @param receiveId the corp id for a self-built app (the suite id for a suite's command callback)
	 */
	public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
		this(token, encodingAesKey, receiveId, Clock.systemUTC());
	}

	/** Crypto for one app, with the clock that stamps sealed messages. */
	public CallbackCrypto(String token, String encodingAesKey, String receiveId, Clock clock) {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(receiveId, "receiveId");
		if (encodingAesKey == null || !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
			// -40004: never echo the key itself
			throw new IllegalArgumentException("The EncodingAESKey must be 43 characters of [A-Za-z0-9]");
		}
		byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
		this.token = token;
		this.key = new SecretKeySpec(aesKey, "AES");
		this.iv = new IvParameterSpec(aesKey, 0, 16);
		this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	/**
	 * Decrypts a file, image or video that a bot received (doc 100719; long connection: the message's own
	 * {@code aeskey}): AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 padding to 32 bytes.
	 * @param aesKey base64 of the 32-byte key, with or without its padding: the message's {@code aeskey}
	 * over a long connection, or the bot's callback EncodingAESKey (43 characters) in callback mode
	 * @throws IllegalArgumentException when the key is not base64 of 32 bytes (the key is not echoed)
	 * @throws CallbackCryptoException when the content does not decrypt to a well-padded buffer
	 */
	public static byte[] decryptFile(String aesKey, byte[] encrypted) {
		byte[] key;
		try {
			String padded = Objects.requireNonNull(aesKey, "aesKey").strip();
			key = Base64.getDecoder().decode(padded.length() % 4 == 3 ? padded + "=" : padded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The file's aeskey is not base64");
		}
		if (key.length != 32) {
			throw new IllegalArgumentException("The file's aeskey is not 32 bytes but " + key.length);
		}
		return decryptFile(new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16), encrypted);
	}

	private static byte[] decryptFile(SecretKeySpec key, IvParameterSpec iv, byte[] encrypted) {
		if (encrypted == null || encrypted.length == 0 || encrypted.length % 16 != 0) {
			throw new CallbackCryptoException(CallbackCryptoException.Reason.BUFFER,
					"the encrypted file is not a whole number of AES blocks");
		}
		byte[] plain;
		try {
			Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, key, iv);
			plain = aes.doFinal(encrypted);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new CallbackCryptoException(CallbackCryptoException.Reason.BUFFER, "the file could not be decrypted");
		}
		int pad = plain[plain.length - 1] & 0xff;
		boolean wellPadded = pad >= 1 && pad <= BLOCK && pad <= plain.length;
		for (int i = plain.length - pad; wellPadded && i < plain.length; i++) {
			wellPadded = (plain[i] & 0xff) == pad;
		}
		if (!wellPadded) {
			throw new CallbackCryptoException(CallbackCryptoException.Reason.BUFFER, "the decrypted file has no valid padding");
		}
		return java.util.Arrays.copyOf(plain, plain.length - pad);
	}

	/** The msg_signature of a ciphertext: hex SHA-1 of the sorted token, timestamp, nonce and ciphertext. */
	public String signature(String timestamp, String nonce, String encrypt) {
		String[] parts = { this.token, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		Engines engines = takeEngines();
		try {
			MessageDigest sha1 = engines.sha1;
			for (String part : parts) {
				sha1.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return HEX.formatHex(sha1.digest());
		}
		finally {
			this.engines.offer(engines);
		}
	}

	/** Whether the signature matches, compared in constant time. */
	public boolean isSignatureValid(String signature, String timestamp, String nonce, String encrypt) {
		if (signature == null || timestamp == null || nonce == null || encrypt == null) {
			return false;
		}
		byte[] expected = signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Checks the signature and only then decrypts; the message bytes (UTF-8).
	 * @throws CallbackCryptoException when the signature, the ciphertext or the receive id is wrong
	 */
	public byte[] open(String signature, String timestamp, String nonce, String encrypt) {
		if (!isSignatureValid(signature, timestamp, nonce, encrypt)) {
			throw new CallbackCryptoException(Reason.SIGNATURE, "the msg_signature does not match");
		}
		return decrypt(encrypt);
	}

	/** Like {@link #open(String, String, String, String)}, as text. */
	public String openText(String signature, String timestamp, String nonce, String encrypt) {
		return new String(open(signature, timestamp, nonce, encrypt), StandardCharsets.UTF_8);
	}

	/**
	 * Opens a POSTed callback body {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}: parses the
	 * envelope, checks the signature, then decrypts; the inner message's bytes (UTF-8 XML).
	 */
	public byte[] openCallback(String signature, String timestamp, String nonce, byte[] body) {
		return open(signature, timestamp, nonce, text(CallbackXml.read(body), "Encrypt"));
	}

	/**
	 * Opens a sealed passive reply {@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>} as
	 * WeCom does, checking its signature; the reply's plaintext XML. A WeCom simulator needs this.
	 */
	public String openReply(String replyXml) {
		ObjectNode reply = CallbackXml.read(replyXml);
		return openText(text(reply, "MsgSignature"), text(reply, "TimeStamp"), text(reply, "Nonce"),
				text(reply, "Encrypt"));
	}

	private static String text(ObjectNode xml, String name) {
		JsonNode node = xml.get(name);
		if (node == null || !node.isString()) {
			throw new CallbackCryptoException(Reason.XML, "the XML has no " + name + " element");
		}
		return node.stringValue();
	}

	/**
	 * Decrypts a ciphertext without checking a signature (use {@link #open} for callbacks).
	 * @throws CallbackCryptoException when the base64, length, padding, length field or receive id is wrong
	 */
	public byte[] decrypt(String encrypt) {
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypt);
		}
		catch (IllegalArgumentException ex) {
			throw new CallbackCryptoException(Reason.BASE64, "the ciphertext is not valid base64");
		}
		if (cipherText.length == 0 || cipherText.length % 16 != 0) {
			throw new CallbackCryptoException(Reason.DECRYPT, "the ciphertext length is not a multiple of 16");
		}
		byte[] plain;
		Engines engines = takeEngines();
		try {
			engines.aes.init(Cipher.DECRYPT_MODE, this.key, this.iv);
			plain = engines.aes.doFinal(cipherText);
		}
		catch (GeneralSecurityException ex) {
			throw new CallbackCryptoException(Reason.DECRYPT, "the ciphertext does not decrypt");
		}
		finally {
			this.engines.offer(engines);
		}
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || pad > plain.length) {
			throw new CallbackCryptoException(Reason.DECRYPT, "the padding is invalid");
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw new CallbackCryptoException(Reason.DECRYPT, "the padding is invalid");
			}
		}
		int end = plain.length - pad;
		if (end < RANDOM_PREFIX + 4) {
			throw new CallbackCryptoException(Reason.BUFFER, "the decrypted buffer is too short");
		}
		int length = ((plain[16] & 0xff) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8)
				| (plain[19] & 0xff);
		int messageStart = RANDOM_PREFIX + 4;
		if (length < 0 || length > end - messageStart) {
			throw new CallbackCryptoException(Reason.BUFFER, "the length field exceeds the decrypted buffer");
		}
		int messageEnd = messageStart + length;
		byte[] receivedId = Arrays.copyOfRange(plain, messageEnd, end);
		if (!MessageDigest.isEqual(receivedId, this.receiveId)) {
			throw new CallbackCryptoException(Reason.RECEIVE_ID, "the message was sealed for another receive id");
		}
		return Arrays.copyOfRange(plain, messageStart, messageEnd);
	}

	/** Encrypts a message as WeCom does: random prefix, length, message, receive id, PKCS#7 to 32 bytes. */
	public String encrypt(String message) {
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		int unpadded = RANDOM_PREFIX + 4 + body.length + this.receiveId.length;
		int pad = BLOCK - (unpadded % BLOCK);
		byte[] plain = new byte[unpadded + pad];
		byte[] prefix = new byte[RANDOM_PREFIX];
		RANDOM.nextBytes(prefix);
		System.arraycopy(prefix, 0, plain, 0, RANDOM_PREFIX);
		plain[16] = (byte) (body.length >>> 24);
		plain[17] = (byte) (body.length >>> 16);
		plain[18] = (byte) (body.length >>> 8);
		plain[19] = (byte) body.length;
		System.arraycopy(body, 0, plain, 20, body.length);
		System.arraycopy(this.receiveId, 0, plain, 20 + body.length, this.receiveId.length);
		Arrays.fill(plain, unpadded, plain.length, (byte) pad);
		Engines engines = takeEngines();
		try {
			engines.aes.init(Cipher.ENCRYPT_MODE, this.key, this.iv);
			return Base64.getEncoder().encodeToString(engines.aes.doFinal(plain));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available in this JVM", ex);
		}
		finally {
			this.engines.offer(engines);
		}
	}

	/** Seals a message (a passive reply, or a callback as WeCom sends it) with the current time and a random nonce. */
	public SealedMessage seal(String message) {
		return seal(message, String.valueOf(this.clock.millis() / 1000), nonce());
	}

	/** Seals a message with the given timestamp and nonce. */
	public SealedMessage seal(String message, String timestamp, String nonce) {
		String encrypt = encrypt(message);
		return new SealedMessage(encrypt, signature(timestamp, nonce, encrypt), timestamp, nonce);
	}

	private static String nonce() {
		// WeCom's nonces are decimal; ten digits from SecureRandom
		return String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
	}

	private Engines takeEngines() {
		Engines engines = this.engines.poll();
		return (engines != null) ? engines : new Engines();
	}

	/** An AES cipher and a SHA-1 digest, used by one thread at a time. */
	private static final class Engines {

		private final Cipher aes;

		private final MessageDigest sha1;

		Engines() {
			try {
				this.aes = Cipher.getInstance("AES/CBC/NoPadding");
				this.sha1 = MessageDigest.getInstance("SHA-1");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("AES-256-CBC or SHA-1 is not available in this JVM", ex);
			}
		}

	}

	@Override
	public String toString() {
		return "CallbackCrypto[receiveId=" + new String(this.receiveId, StandardCharsets.UTF_8) + "]";
	}

}

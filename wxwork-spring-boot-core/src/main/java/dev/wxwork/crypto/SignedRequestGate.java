package dev.wxwork.crypto;

import java.time.Clock;
import java.time.Duration;

/**
 * The gate every signed WeCom callback request passes before anything reads it, shared by app and bot
 * callback endpoints.
 * <p>
 * Order matters for safety: parameters, size and freshness first, then the signature (in constant time,
 * by {@link CallbackCrypto}) before any byte is decrypted, then the receive id, and only then the
 * caller's parsing. A request that fails any step yields a refusal reason (never a secret); the caller
 * logs it and answers its one uniform refusal.
 */
public final class SignedRequestGate {

	private final CallbackCrypto crypto;

	private final Duration timestampTolerance;

	private final int maxBodySize;

	private final Clock clock;

	private final long toleranceSeconds;

	/**
	 * @param crypto the crypto of the app or bot
	 * @param timestampTolerance how far a request's timestamp may be from this server's clock
	 * @param maxBodySize the largest body accepted, in bytes
	 * @param clock the clock for freshness checks
	 */
	public SignedRequestGate(CallbackCrypto crypto, Duration timestampTolerance, int maxBodySize, Clock clock) {
		this.crypto = crypto;
		this.timestampTolerance = timestampTolerance;
		this.maxBodySize = maxBodySize;
		this.clock = clock;
		// bounded so that the clock's second plus or minus the tolerance cannot overflow
		this.toleranceSeconds = Math.min(Math.max(0, timestampTolerance.toSeconds()), Long.MAX_VALUE / 4);
	}

	/**
	 * Checks the largest body size a callback endpoint is configured with.
	 * @throws IllegalArgumentException naming {@code wxwork.callback.max-body-size} when it is out of range
	 */
	public static void checkMaxBodySize(int maxBodySize) {
		// the body is read with one byte more than the limit, to tell an oversized one
		if (maxBodySize < 1 || maxBodySize == Integer.MAX_VALUE) {
			throw new IllegalArgumentException("wxwork.callback.max-body-size must be between 1 and "
					+ (Integer.MAX_VALUE - 1) + " bytes, not " + maxBodySize);
		}
	}

	/** Opens the echostr of WeCom's URL verification (GET), or says why not. */
	public Opened<byte[]> openEcho(String signature, String timestamp, String nonce, String echostr) {
		if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce) || isBlank(echostr)) {
			return Opened.refused("a verification parameter is missing");
		}
		if (!isFresh(timestamp)) {
			return staleRefusal();
		}
		try {
			return Opened.of(this.crypto.open(signature, timestamp, nonce, echostr));
		}
		catch (CallbackCryptoException ex) {
			return Opened.refused(ex.getMessage());
		}
		catch (RuntimeException ex) {
			return Opened.refused("the verification could not be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Opens a POSTed callback with the given reader, or says why not.
	 * @param reader verifies, decrypts and parses the body with the crypto; a {@link CallbackCryptoException}
	 * or any other runtime exception it throws is a refusal
	 */
	public <T> Opened<T> openCallback(String signature, String timestamp, String nonce, byte[] body, Reader<T> reader) {
		if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce) || body == null || body.length == 0) {
			return Opened.refused("a callback parameter or the body is missing");
		}
		if (body.length > this.maxBodySize) {
			return Opened.refused("the body is larger than " + this.maxBodySize + " bytes");
		}
		if (!isFresh(timestamp)) {
			return staleRefusal();
		}
		try {
			return Opened.of(reader.read(this.crypto, signature, timestamp, nonce, body));
		}
		catch (CallbackCryptoException ex) {
			return Opened.refused(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// a bad callback is never a 5xx, whatever went wrong reading it
			return Opened.refused("the callback could not be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private <T> Opened<T> staleRefusal() {
		return Opened.refused("the timestamp is not within " + this.timestampTolerance + " of this server's clock");
	}

	private boolean isFresh(String timestamp) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		// no subtraction involving the timestamp: one near Long.MIN_VALUE made abs(now - timestamp) negative
		long now = this.clock.millis() / 1000;
		return seconds >= now - this.toleranceSeconds && seconds <= now + this.toleranceSeconds;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** Verifies, decrypts and parses a callback's body, once the gate's cheap checks passed. */
	@FunctionalInterface
	public interface Reader<T> {

		T read(CallbackCrypto crypto, String signature, String timestamp, String nonce, byte[] body);

	}

	/**
	 * What passed the gate, or why it did not.
	 * @param value what was opened, null when refused
	 * @param refusal why the request was refused, null when it passed
	 */
	public record Opened<T>(T value, String refusal) {

		static <T> Opened<T> of(T value) {
			return new Opened<>(value, null);
		}

		static <T> Opened<T> refused(String refusal) {
			return new Opened<>(null, refusal);
		}

		/** Whether the request was refused. */
		public boolean isRefused() {
			return this.refusal != null;
		}

	}

}

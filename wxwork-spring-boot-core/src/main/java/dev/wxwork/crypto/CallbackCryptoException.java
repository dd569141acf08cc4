package dev.wxwork.crypto;

/**
 * A sealed callback could not be opened. The message names the reason only, never the token, the key
 * or the ciphertext, so it is safe to log.
 */
public class CallbackCryptoException extends RuntimeException {

	private final Reason reason;

	public CallbackCryptoException(Reason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	/** Why the callback was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** Why a sealed callback was refused; the codes are those of WeCom's crypto samples. */
	public enum Reason {

		/** The msg_signature does not match (-40001). */
		SIGNATURE(-40001),

		/** The XML is malformed, has a DOCTYPE, or lacks an element (-40002). */
		XML(-40002),

		/** The ciphertext does not decrypt to a well-formed buffer: length or padding (-40007). */
		DECRYPT(-40007),

		/** The length field points outside the decrypted buffer (-40008). */
		BUFFER(-40008),

		/** The message was sealed for another corp or suite (-40005). */
		RECEIVE_ID(-40005),

		/** The ciphertext is not valid base64 (-40010). */
		BASE64(-40010);

		private final int code;

		Reason(int code) {
			this.code = code;
		}

		/** The error code WeCom's official samples use for this reason. */
		public int code() {
			return this.code;
		}

	}

}

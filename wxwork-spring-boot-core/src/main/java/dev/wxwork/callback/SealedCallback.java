package dev.wxwork.callback;

import java.util.Arrays;

/**
 * A POSTed callback exactly as WeCom sealed it: the query's signature, timestamp and nonce, and the
 * encrypted envelope. This, not the decrypted message, is what a durable hand-off stores: it reveals
 * nothing without the app's EncodingAESKey, and it cannot be forged without the app's Token.
 *
 * @param signature the {@code msg_signature} query parameter
 * @param timestamp the {@code timestamp} query parameter
 * @param nonce the {@code nonce} query parameter
 * @param body the POSTed envelope {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}
 */
public record SealedCallback(String signature, String timestamp, String nonce, byte[] body) {

	@Override
	public boolean equals(Object other) {
		return other instanceof SealedCallback that && this.signature.equals(that.signature)
				&& this.timestamp.equals(that.timestamp) && this.nonce.equals(that.nonce)
				&& Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return this.signature.hashCode() * 31 + Arrays.hashCode(this.body);
	}

	@Override
	public String toString() {
		return "SealedCallback[timestamp=" + this.timestamp + ", " + this.body.length + " bytes]";
	}

}

package dev.wxwork.token;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;

/**
 * Why a refresh failed, as shared between instances: WeCom's errcode and errmsg, or 0 and a description
 * of a transport failure. Holds no token or secret.
 */
public record RefreshFailure(int errcode, String message) {

	/** The failure of {@code ex}. */
	static RefreshFailure of(RuntimeException ex) {
		if (ex instanceof WxWorkApiException api) {
			return new RefreshFailure(api.getErrcode(), api.getErrmsg());
		}
		return new RefreshFailure(0, String.valueOf(ex.getMessage()));
	}

	/** The exception a caller sees, naming the credential. */
	WxWorkException toException(String description) {
		if (this.errcode != 0) {
			return new WxWorkApiException(this.errcode, this.message, null);
		}
		return new WxWorkException("The refresh of the " + description + " failed recently: " + this.message);
	}

	/** {@code errcode:message}, as stored. */
	String encode() {
		return this.errcode + ":" + this.message;
	}

	/** The failure of an {@link #encode() encoded} value, or null when it is none. */
	static RefreshFailure decode(String encoded) {
		if (encoded == null) {
			return null;
		}
		int separator = encoded.indexOf(':');
		try {
			return new RefreshFailure(Integer.parseInt(encoded.substring(0, separator)), encoded.substring(separator + 1));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

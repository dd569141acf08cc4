package dev.wxwork.token;

import dev.wxwork.client.WxWorkException;

/** The token store's backend (Redis) cannot be reached. */
public class TokenStoreUnavailableException extends WxWorkException {

	public TokenStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

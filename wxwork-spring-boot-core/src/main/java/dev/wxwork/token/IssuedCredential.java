package dev.wxwork.token;

import java.time.Duration;

/** A token or ticket as WeCom issued it, with its lifetime ({@code expires_in}). */
public record IssuedCredential(String value, Duration expiresIn) {

	@Override
	public String toString() {
		return "IssuedCredential[value=******, expiresIn=" + this.expiresIn + "]";
	}

}

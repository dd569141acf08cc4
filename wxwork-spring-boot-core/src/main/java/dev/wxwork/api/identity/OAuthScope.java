package dev.wxwork.api.identity;

/** What an OAuth2 login may read (doc 91022). */
public enum OAuthScope {

	/** Silent login: the visitor's userid (or openid) only. */
	SNSAPI_BASE("snsapi_base"),

	/** With the member's consent: also a {@code user_ticket} for getuserdetail (mobile, email, avatar, ...). */
	SNSAPI_PRIVATEINFO("snsapi_privateinfo");

	private final String value;

	OAuthScope(String value) {
		this.value = value;
	}

	/** The scope as WeCom spells it. */
	public String value() {
		return this.value;
	}

}

package dev.wxwork.api.identity;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

import org.springframework.web.util.UriUtils;

import dev.wxwork.api.WeComDoc;

/**
 * The links that start a login: OAuth2 inside WeCom's own browser, and web login (scan a QR code or
 * confirm in the desktop client) elsewhere. The {@code code} the redirect brings back goes to
 * {@link AuthApi#getUserInfo(String)}.
 */
public final class LoginLinks {

	private static final String OAUTH2_AUTHORIZE = "https://open.weixin.qq.com/connect/oauth2/authorize";

	private static final String WEB_LOGIN = "https://login.work.weixin.qq.com/wwlogin/sso/login";

	private static final String QR_CONNECT = "https://open.work.weixin.qq.com/wwopen/sso/qrConnect";

	private final String corpId;

	private final LongSupplier agentId;

	/**
	 * @param corpId the corp id ({@code appid} in the links)
	 * @param agentId the app's AgentId, asked for only when a link needs it
	 */
	public LoginLinks(String corpId, LongSupplier agentId) {
		this.corpId = corpId;
		this.agentId = agentId;
	}

	/**
	 * The OAuth2 link to open in WeCom's browser (doc 91022); {@code snsapi_privateinfo} needs the
	 * AgentId, {@code snsapi_base} takes it too so that WeCom knows which app asks.
	 * @param redirectUri where WeCom sends the visitor back with {@code code} and {@code state}; its
	 * domain must be the app's trusted domain
	 * @param scope what the login may read
	 * @param state echoed back unchanged: pass an unguessable value and check it, against CSRF
	 */
	@WeComDoc(value = "91022", path = OAUTH2_AUTHORIZE)
	public String oauth2AuthorizeUrl(String redirectUri, OAuthScope scope, String state) {
		StringBuilder url = new StringBuilder(OAUTH2_AUTHORIZE);
		url.append("?appid=").append(encode(this.corpId));
		url.append("&redirect_uri=").append(encode(redirectUri));
		url.append("&response_type=code");
		url.append("&scope=").append(scope.value());
		if (state != null) {
			url.append("&state=").append(encode(state));
		}
		url.append("&agentid=").append(this.agentId.getAsLong());
		// WeCom requires the fragment; without it some clients do not honour the redirect.
		url.append("#wechat_redirect");
		return url.toString();
	}

	/**
	 * The web-login link for a self-built app (doc 98152): a page that shows a QR code to scan with
	 * WeCom, or lets a desktop-client user confirm.
	 * @param redirectUri where WeCom sends the visitor back with {@code code} and {@code state}
	 * @param state echoed back unchanged: pass an unguessable value and check it, against CSRF
	 */
	@WeComDoc(value = "98152", path = WEB_LOGIN)
	public String webLoginUrl(String redirectUri, String state) {
		StringBuilder url = new StringBuilder(WEB_LOGIN);
		url.append("?login_type=CorpApp");
		url.append("&appid=").append(encode(this.corpId));
		url.append("&agentid=").append(this.agentId.getAsLong());
		url.append("&redirect_uri=").append(encode(redirectUri));
		if (state != null) {
			url.append("&state=").append(encode(state));
		}
		return url.toString();
	}

	/**
	 * The older QR-code login link (doc 91019), still served; prefer {@link #webLoginUrl}.
	 * @param redirectUri where WeCom sends the visitor back with {@code code} and {@code state}
	 * @param state echoed back unchanged: pass an unguessable value and check it, against CSRF
	 */
	@WeComDoc(value = "91019", path = QR_CONNECT)
	public String qrConnectUrl(String redirectUri, String state) {
		StringBuilder url = new StringBuilder(QR_CONNECT);
		url.append("?appid=").append(encode(this.corpId));
		url.append("&agentid=").append(this.agentId.getAsLong());
		url.append("&redirect_uri=").append(encode(redirectUri));
		if (state != null) {
			url.append("&state=").append(encode(state));
		}
		return url.toString();
	}

	// Every reserved character is escaped, so a redirect URI with its own query (?a=1&b=2) stays one parameter.
	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}

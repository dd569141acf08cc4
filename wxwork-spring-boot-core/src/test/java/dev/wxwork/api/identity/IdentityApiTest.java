package dev.wxwork.api.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IdentityApiTest {

	private static final String REDIRECT = "https://app.example.com/login/callback?next=/home&tab=1";

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void oauth2LinkEncodesTheRedirectAndStateAndEndsWithTheWechatRedirectFragment() {
		assertThat(this.agent.loginLinks().oauth2AuthorizeUrl(REDIRECT, OAuthScope.SNSAPI_BASE, "s t&1"))
			.isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize?appid=corp1"
					+ "&redirect_uri=https%3A%2F%2Fapp.example.com%2Flogin%2Fcallback%3Fnext%3D%2Fhome%26tab%3D1"
					+ "&response_type=code&scope=snsapi_base&state=s%20t%261&agentid=1000002#wechat_redirect");
		assertThat(this.agent.loginLinks().oauth2AuthorizeUrl("https://a.example.com/", OAuthScope.SNSAPI_PRIVATEINFO,
				"xyz"))
			.isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize?appid=corp1"
					+ "&redirect_uri=https%3A%2F%2Fa.example.com%2F&response_type=code&scope=snsapi_privateinfo"
					+ "&state=xyz&agentid=1000002#wechat_redirect");
	}

	@Test
	void webLoginLinksNameTheCorpAppAndAgent() {
		assertThat(this.agent.loginLinks().webLoginUrl(REDIRECT, "st"))
			.isEqualTo("https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=corp1"
					+ "&agentid=1000002"
					+ "&redirect_uri=https%3A%2F%2Fapp.example.com%2Flogin%2Fcallback%3Fnext%3D%2Fhome%26tab%3D1"
					+ "&state=st");
		assertThat(this.agent.loginLinks().qrConnectUrl("https://a.example.com/cb", "st"))
			.isEqualTo("https://open.work.weixin.qq.com/wwopen/sso/qrConnect?appid=corp1&agentid=1000002"
					+ "&redirect_uri=https%3A%2F%2Fa.example.com%2Fcb&state=st");
	}

	@Test
	void loginLinksNeedAnAgentId() {
		WxWorkAgent contacts = StandInAgent.of(this.wecom, null);
		assertThatIllegalStateException().isThrownBy(() -> contacts.loginLinks().webLoginUrl(REDIRECT, "st"))
			.withMessageContaining("wxwork.agents.app.agent-id");
	}

	@Test
	void getUserInfoSendsTheCodeAndReadsAMember() {
		this.wecom.respond("/cgi-bin/auth/getuserinfo", """
				{"errcode":0,"errmsg":"ok","userid":"zhangsan","user_ticket":"TICKET-1"}""");
		VisitorIdentity identity = this.agent.auth().getUserInfo("CODE-1");
		assertThat(this.wecom.lastRequest("/cgi-bin/auth/getuserinfo").param("code")).isEqualTo("CODE-1");
		assertThat(identity.isMember()).isTrue();
		assertThat(identity.userid()).isEqualTo("zhangsan");
		assertThat(identity.userTicket()).isEqualTo("TICKET-1");
		assertThat(identity.toString()).doesNotContain("TICKET-1");
	}

	@Test
	void getUserInfoReadsAVisitorFromOutsideTheCorp() {
		this.wecom.respond("/cgi-bin/auth/getuserinfo", """
				{"errcode":0,"errmsg":"ok","openid":"OPENID","external_userid":"wmEXT"}""");
		VisitorIdentity identity = this.agent.auth().getUserInfo("CODE-2");
		assertThat(identity.isMember()).isFalse();
		assertThat(identity.openid()).isEqualTo("OPENID");
		assertThat(identity.externalUserid()).isEqualTo("wmEXT");
	}

	@Test
	void getUserDetailPostsTheTicketAndReadsTheSensitiveFields() {
		this.wecom.respond("/cgi-bin/auth/getuserdetail", """
				{"errcode":0,"errmsg":"ok","userid":"lisi","gender":"1","avatar":"http://wx.qlogo.cn/a/0",
				"qr_code":"https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=xxx","mobile":"13800000000",
				"email":"zhangsan@gzdev.com","biz_mail":"zhangsan@qyycs2.wecom.work","address":"广州市海珠区新港中路"}""");
		UserDetail detail = this.agent.auth().getUserDetail("TICKET-1");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/auth/getuserdetail").bodyText()))
			.isEqualTo(json("{\"user_ticket\":\"TICKET-1\"}"));
		assertThat(detail).isEqualTo(new UserDetail("lisi", "1", "http://wx.qlogo.cn/a/0",
				"https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=xxx", "13800000000", "zhangsan@gzdev.com",
				"zhangsan@qyycs2.wecom.work", "广州市海珠区新港中路"));
	}

}

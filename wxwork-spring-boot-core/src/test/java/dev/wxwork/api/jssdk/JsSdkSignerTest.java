package dev.wxwork.api.jssdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import tools.jackson.databind.json.JsonMapper;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JsSdkSignerTest {

	// The example of WeCom's signature document (doc 90506).
	private static final String TICKET = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

	private static final String NONCE = "Wm3WZYTPz0wzccnW";

	private static final long TIMESTAMP = 1414587457L;

	private static final String URL = "http://mp.weixin.qq.com?params=value";

	private final WeComStandIn wecom = StandInAgent.wecom();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void signsTheDocumentedExample() {
		// Obtained with: printf '%s' 'jsapi_ticket=sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value' | sha1sum
		// (the same signature as WeCom's document shows for this example).
		assertThat(JsSdkSigner.sign(TICKET, NONCE, TIMESTAMP, URL)).isEqualTo("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
	}

	@Test
	void signsTheDocumentedStringWithTheFragmentRemoved() throws Exception {
		String expected = sha1Hex("jsapi_ticket=" + TICKET + "&noncestr=" + NONCE + "&timestamp=" + TIMESTAMP
				+ "&url=https://app.example.com/page?a=1&b=%E4%B8%AD");
		assertThat(JsSdkSigner.sign(TICKET, NONCE, TIMESTAMP, "https://app.example.com/page?a=1&b=%E4%B8%AD#/tab/2"))
			.isEqualTo(expected);
	}

	@Test
	void configIsSignedWithTheCorpTicketFetchedOnceAndCached() throws Exception {
		WxWorkAgent agent = StandInAgent.of(this.wecom);
		String url = "https://app.example.com/page?x=1";
		JsSdkConfig first = agent.jsSdk().config(url + "#section");
		JsSdkConfig second = agent.jsSdk().config(url);
		assertThat(this.wecom.requests("/cgi-bin/get_jsapi_ticket")).hasSize(1);
		String ticket = agent.jsapiTicket();
		assertThat(ticket).startsWith("jsapi-");
		assertThat(first.appId()).isEqualTo("corp1");
		assertThat(first.nonceStr()).hasSize(16).matches("[A-Za-z0-9]+");
		assertThat(first.nonceStr()).isNotEqualTo(second.nonceStr());
		assertThat(first.timestamp()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
		assertThat(first.signature()).isEqualTo(sha1Hex("jsapi_ticket=" + ticket + "&noncestr=" + first.nonceStr()
				+ "&timestamp=" + first.timestamp() + "&url=" + url));
		assertThat(this.wecom.requests("/cgi-bin/get_jsapi_ticket")).hasSize(1);
		assertThat(this.wecom.requests("/cgi-bin/ticket/get")).isEmpty();
	}

	@Test
	void agentConfigIsSignedWithTheAgentTicketFetchedOnceAndCached() throws Exception {
		WxWorkAgent agent = StandInAgent.of(this.wecom);
		String url = "https://app.example.com/page";
		Set<String> nonces = new HashSet<>();
		JsSdkAgentConfig config = null;
		for (int i = 0; i < 5; i++) {
			config = agent.jsSdk().agentConfig(url);
			nonces.add(config.nonceStr());
		}
		assertThat(nonces).hasSize(5);
		assertThat(this.wecom.requests("/cgi-bin/ticket/get")).hasSize(1)
			.allSatisfy((request) -> assertThat(request.param("type")).isEqualTo("agent_config"));
		String ticket = agent.agentConfigTicket();
		assertThat(ticket).startsWith("agent_config-");
		assertThat(config.corpid()).isEqualTo("corp1");
		assertThat(config.agentid()).isEqualTo(1000002L);
		assertThat(config.signature()).isEqualTo(sha1Hex("jsapi_ticket=" + ticket + "&noncestr=" + config.nonceStr()
				+ "&timestamp=" + config.timestamp() + "&url=" + url));
		assertThat(this.wecom.requests("/cgi-bin/get_jsapi_ticket")).isEmpty();
	}

	@Test
	void agentConfigNeedsAnAgentId() {
		WxWorkAgent contacts = StandInAgent.of(this.wecom, null);
		assertThatIllegalStateException().isThrownBy(() -> contacts.jsSdk().agentConfig("https://a.example.com/"))
			.withMessageContaining("agent-id");
		assertThat(this.wecom.requests("/cgi-bin/ticket/get")).isEmpty();
	}

	@Test
	void configsAreWrittenWithTheNamesWxConfigAndWxAgentConfigTake() {
		// wx.config({appId, timestamp, nonceStr, signature}) (doc 90514) and
		// wx.agentConfig({corpid, agentid, timestamp, nonceStr, signature}) (doc 94313) take camelCase and
		// lower-case names: a snake_case mapper (the library's, or an application's) must not rename them.
		JsSdkConfig config = new JsSdkConfig("ww1", 1414587457L, NONCE, "0f9d");
		JsSdkAgentConfig agentConfig = new JsSdkAgentConfig("ww1", 1000002L, 1414587457L, NONCE, "0f9d");
		for (JsonMapper mapper : new JsonMapper[] { WxWorkJson.mapper(), JsonMapper.builder().build() }) {
			assertThat(json(mapper.writeValueAsString(config))).isEqualTo(json("""
					{"appId":"ww1","timestamp":1414587457,"nonceStr":"Wm3WZYTPz0wzccnW","signature":"0f9d"}"""));
			assertThat(json(mapper.writeValueAsString(agentConfig))).isEqualTo(json("""
					{"corpid":"ww1","agentid":1000002,"timestamp":1414587457,"nonceStr":"Wm3WZYTPz0wzccnW",
					 "signature":"0f9d"}"""));
		}
	}

	private static String sha1Hex(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}

package dev.wxwork.api.network;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void readsTheCallbackAndApiIpRanges() {
		this.wecom.respond("/cgi-bin/getcallbackip", """
				{"errcode":0,"errmsg":"ok","ip_list":["101.226.103.*","101.226.62.0/24"]}""");
		this.wecom.respond("/cgi-bin/get_api_domain_ip", """
				{"errcode":0,"errmsg":"ok","ip_list":["182.254.11.176","182.254.78.66"]}""");
		assertThat(this.agent.network().callbackIps().ipList()).containsExactly("101.226.103.*", "101.226.62.0/24");
		assertThat(this.agent.network().apiDomainIps().ipList()).containsExactly("182.254.11.176", "182.254.78.66");
		assertThat(this.wecom.lastRequest("/cgi-bin/getcallbackip").method()).isEqualTo("GET");
		assertThat(this.wecom.lastRequest("/cgi-bin/get_api_domain_ip").param("access_token")).startsWith("token-");
	}

}

package dev.wxwork.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.Observation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.testing.RecordedObservations;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.contact.User;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WxWorkHttpClientTest {

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("s3cr3t");

	@AfterEach
	void close() {
		this.wecom.close();
	}

	private WxWorkAgent agent(String secret) {
		return StandInAgent.of(this.wecom, 1000002L, secret);
	}

	@Test
	void sendsTheAccessTokenAndBindsTheAnswerInSnakeCase() {
		this.wecom.respond("/cgi-bin/user/get", """
				{"errcode":0,"errmsg":"ok","userid":"zhangsan","name":"张三","department":[1,2],"main_department":2}""");
		User user = agent("s3cr3t").users().get("zhangsan");
		assertThat(user.name()).isEqualTo("张三");
		assertThat(user.mainDepartment()).isEqualTo(2L);
		assertThat(user.department()).containsExactly(1L, 2L);
		assertThat(this.wecom.lastRequest("/cgi-bin/user/get").param("userid")).isEqualTo("zhangsan");
		assertThat(this.wecom.lastRequest("/cgi-bin/user/get").param("access_token")).startsWith("token-");
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
	}

	@Test
	void refreshesTheTokenOnceAndRetriesAfter42001() {
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"a\"}");
		WxWorkAgent agent = agent("s3cr3t");
		agent.users().get("a");
		this.wecom.expireAllTokens();
		assertThat(agent.users().get("a").userid()).isEqualTo("a");
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
		assertThat(this.wecom.requests("/cgi-bin/user/get")).hasSize(3);
	}

	@Test
	void retriesBusyAndRateLimitedCallsWithinBounds() {
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"a\"}");
		this.wecom.failNext("/cgi-bin/user/get", -1, 45033, -1);
		assertThat(agent("s3cr3t").users().get("a").userid()).isEqualTo("a");
		this.wecom.failNext("/cgi-bin/user/get", -1, -1, -1, -1);
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> agent("s3cr3t").users().get("a"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(-1));
	}

	@Test
	void wrongSecretIsAConfigurationErrorThatNamesNoSecret() {
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> agent("wrong-secret").users().get("a"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(40001);
				assertThat(ex.getKind()).isEqualTo(WxWorkErrorKind.CONFIGURATION);
				assertThat(ex.getPath()).isEqualTo("/cgi-bin/gettoken");
				assertThat(ex.getMessage()).contains("wxwork.agents.<name>.secret").doesNotContain("wrong-secret");
			});
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
	}

	@Test
	void aWrongSecretDoesNotHammerGettoken() {
		WxWorkAgent agent = agent("wrong-secret");
		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> agent.users().get("a"))
				.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40001));
		}
		assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
		assertThat(this.wecom.requests("/cgi-bin/user/get")).isEmpty();
	}

	@Test
	void apiErrorsCarryErrcodeErrmsgAndPath() {
		this.wecom.respond("/cgi-bin/user/create", "{\"errcode\":60104,\"errmsg\":\"mobile existed\"}");
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> agent("s3cr3t").users().create(User.builder("a").name("A").mobile("1").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(60104);
				assertThat(ex.getErrmsg()).isEqualTo("mobile existed");
				assertThat(ex.getPath()).isEqualTo("/cgi-bin/user/create");
				assertThat(ex.getMessage()).doesNotContain("token-");
			});
		assertThat(this.wecom.lastRequest("/cgi-bin/user/create").bodyText()).isEqualTo("{\"userid\":\"a\",\"name\":\"A\",\"mobile\":\"1\"}");
	}

	@Test
	void everyCallIsObservedWithPathAndErrcodeButNeverTheToken() {
		RecordedObservations recorded = new RecordedObservations();
		WxWorkHttpClient http = new WxWorkHttpClient(this.wecom.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5),
				RetryPolicy.defaults(), recorded.registry());
		WxWorkAgent agent = new WxWorkAgent("app", 1L, "corp1", "s3cr3t", http, new MemoryAccessTokenStore(),
				new CredentialKeys("test"), TokenSettings.defaults(), Clock.systemUTC());
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":60111,\"errmsg\":\"userid not found\"}");
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> agent.users().get("nobody"));
		List<Observation.Context> observed = recorded.stopped();

		assertThat(observed).extracting((context) -> context.getLowCardinalityKeyValue("path").getValue())
			.containsExactly("/cgi-bin/gettoken", "/cgi-bin/user/get");
		Observation.Context failed = observed.get(1);
		assertThat(failed.getName()).isEqualTo("wxwork.api.calls");
		assertThat(failed.getLowCardinalityKeyValue("errcode").getValue()).isEqualTo("60111");
		assertThat(observed).allSatisfy((context) -> assertThat(context.getAllKeyValues().toString())
			.doesNotContain("token-").doesNotContain("s3cr3t"));
	}

	@Test
	void anAnswerThatIsNoWeComJsonIsATransportFailureThatQuotesNothing() {
		this.wecom.respond("/cgi-bin/user/get", "{\"errcode\":0,\"userid\":\"a\",\"main_department\":\"ticket-XYZ\"}");
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> agent("s3cr3t").users().get("a"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("/cgi-bin/user/get")
				.contains("does not fit User")
				.doesNotContain("ticket-XYZ"));
		this.wecom.route("/cgi-bin/user/get", (request) -> new WeComStandIn.Answer(200, "application/json",
				"<html>gateway</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> agent("s3cr3t").users().get("a"))
			.withMessageContaining("not JSON");
	}

	@Test
	void transportFailuresNameThePathButNotTheToken() {
		WxWorkAgent agent = agent("s3cr3t");
		agent.accessToken();
		this.wecom.close();
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> agent.users().get("a"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("/cgi-bin/user/get").doesNotContain("token-");
				assertThat(ex.getCause()).isNull();
			});
	}

}

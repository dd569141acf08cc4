package dev.wxwork;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.WxWorkWebhook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger of the HTTP path at TRACE (the JDK HttpClient's, Spring's web client and HTTP
 * converters', ours), API calls and robot posts still print no secret, access token or webhook key: the
 * library turns the third-party loggers that print request lines off by default.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DebugLoggingKeepsSecretsOutTest.App.class,
		properties = { "wxwork.corp-id=corp1", "wxwork.token-store=memory", "wxwork.agents.app.secret="
				+ DebugLoggingKeepsSecretsOutTest.SECRET, "logging.level.jdk=TRACE",
				"logging.level.org.springframework.web.client=TRACE", "logging.level.org.springframework.http.client=TRACE",
				"logging.level.dev.wxwork=TRACE" })
class DebugLoggingKeepsSecretsOutTest {

	static final String SECRET = "DebugSecretValue0123456789";

	static final String WEBHOOK_KEY = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

	static final WeComStandIn wecom = new WeComStandIn("corp1").secret(SECRET).respond("/cgi-bin/user/get",
			"{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"name\":\"张三\"}");

	static final WebhookStandIn robots = new WebhookStandIn(WEBHOOK_KEY);

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		registry.add("wxwork.api-base-url", wecom::baseUrl);
		registry.add("wxwork.webhooks.ops.url", () -> robots.address(WEBHOOK_KEY));
	}

	@AfterAll
	static void close() {
		wecom.close();
		robots.close();
	}

	@Autowired
	@Qualifier("app")
	WxWorkAgent app;

	@Autowired
	@Qualifier("ops")
	WxWorkWebhook ops;

	@Test
	void requestLinesWithCredentialsStayOutOfTheLogAtTrace(CapturedOutput output) {
		assertThat(this.app.users().get("zhangsan").name()).isEqualTo("张三");
		String token = wecom.lastRequest("/cgi-bin/user/get").param("access_token");
		this.ops.sendMarkdown("**hello**");
		assertThat(robots.posted()).hasSize(1);
		assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(token).doesNotContain(WEBHOOK_KEY);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}

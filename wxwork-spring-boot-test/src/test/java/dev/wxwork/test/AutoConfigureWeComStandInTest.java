package dev.wxwork.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation's context customizer in a real context: the stand-ins' addresses in the environment, over HTTP. */
class AutoConfigureWeComStandInTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Nested
	@SpringBootTest(classes = AutoConfigureWeComStandInTest.Config.class, properties = { "wxwork.corp-id=ww9",
			"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.secret=demo-secret",
			"wxwork.webhooks.ops.key=5f1b7e0c-0000-4000-8000-00000000a1e7",
			"wxwork.webhooks.alerts.url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0000aaaa-1111-4222-8333-444455556666" })
	@AutoConfigureWeComStandIn
	class WithWebhooks {

		@Autowired
		Environment environment;

		@Autowired
		WeComStandIn wecom;

		@Autowired
		WebhookStandIn robots;

		@Test
		void pointsTheApiAndEveryRobotAtTheStandInsWhichAcceptTheConfiguredCredentials() throws Exception {
			String apiBaseUrl = this.environment.getProperty("wxwork.api-base-url");
			assertThat(apiBaseUrl).isEqualTo(this.wecom.baseUrl());
			assertThat(post(apiBaseUrl + "/cgi-bin/gettoken?corpid=ww9&corpsecret=demo-secret", "")).contains("\"errcode\":0");
			String ops = this.environment.getProperty("wxwork.webhooks.ops.url");
			String alerts = this.environment.getProperty("wxwork.webhooks.alerts.url");
			assertThat(ops).isEqualTo(this.robots.address("5f1b7e0c-0000-4000-8000-00000000a1e7"));
			assertThat(alerts).isEqualTo(this.robots.address("0000aaaa-1111-4222-8333-444455556666"));
			assertThat(post(ops, "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**ops**\"}}")).contains("\"errcode\":0");
			assertThat(post(alerts, "{\"msgtype\":\"text\",\"text\":{\"content\":\"alert\"}}")).contains("\"errcode\":0");
			assertThat(this.robots.posted()).extracting((message) -> message.path("msgtype").asString())
				.containsExactly("markdown", "text");
			String unknown = post(this.robots.address("ffffffff-0000-4000-8000-000000000000"),
					"{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}");
			assertThat(JsonMapper.shared().readTree(unknown).path("errcode").asInt()).isEqualTo(93000);
		}

	}

	@Nested
	@SpringBootTest(classes = AutoConfigureWeComStandInTest.Config.class, properties = { "wxwork.corp-id=ww9",
			"wxwork.webhooks.ops.url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f1b7e0c-0000-4000-8000-00000000a1e7" })
	@AutoConfigureWeComStandIn(webhooks = false)
	class WithoutWebhooks {

		@Autowired
		Environment environment;

		@Autowired
		ApplicationContext context;

		@Test
		void leavesTheRobotsAsConfigured() {
			assertThat(this.environment.getProperty("wxwork.webhooks.ops.url"))
				.isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5f1b7e0c-0000-4000-8000-00000000a1e7");
			assertThat(this.context.getBeanNamesForType(WebhookStandIn.class)).isEmpty();
			assertThat(this.context.getBeanNamesForType(WeComStandIn.class)).hasSize(1);
		}

	}

	private static String post(String url, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	@SpringBootConfiguration
	static class Config {

	}

}

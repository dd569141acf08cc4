package dev.wxwork.boot3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.SpringVersion;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.testing.WeComCallbackSender;
import dev.wxwork.testing.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 application that keeps Boot 3.5's own Jackson 2 dependency management, with
 * {@code wxwork-spring-boot3-starter}: it sends an app message to a WeCom stand-in, receives a sealed
 * callback as WeCom would send it, and reports its health through Boot 3.5's Actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = Boot3SmokeTest.App.class,
		properties = { "wxwork.corp-id=wwboot3", "wxwork.token-store=memory", "wxwork.agents.sales.agent-id=1000002",
				"wxwork.agents.sales.secret=s3cr3t", "wxwork.agents.sales.callback.token=boot3token",
				"wxwork.agents.sales.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
				"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always" })
class Boot3SmokeTest {

	static final WeComStandIn wecom = new WeComStandIn("wwboot3").secret("s3cr3t");

	static final List<String> handled = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void wecom(DynamicPropertyRegistry registry) {
		registry.add("wxwork.api-base-url", wecom::baseUrl);
	}

	@AfterAll
	static void stop() {
		wecom.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("sales")
	WxWorkAgent sales;

	@Test
	void runsOnBoot35WithItsJackson2() throws Exception {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(SpringVersion.getVersion()).startsWith("6.2.");
		// the application's Jackson 2 and its annotations are Boot 3.5's own; the library's Jackson 3 (and the
		// annotations it needs) are relocated inside wxwork-spring-boot3-autoconfigure
		assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.19.");
		assertThat(com.fasterxml.jackson.annotation.JsonProperty.class.getProtectionDomain().getCodeSource()
			.getLocation().toString()).contains("jackson-annotations-2.19.");
		assertThat(ClassUtils.isPresent("tools.jackson.databind.JsonNode", null)).isFalse();
		assertThat(ClassUtils.isPresent("dev.wxwork.shaded.jackson.databind.json.JsonMapper", null)).isTrue();
	}

	@Test
	void sendsAMessage() {
		wecom.respond("/cgi-bin/message/send",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"ghost\",\"msgid\":\"m1\"}");
		SendResult sent = this.sales.messages().send(AppMessage.text("hello from Boot 3.5").toUsers("zhangsan", "ghost").build());
		assertThat(sent.invalidUsers()).containsExactly("ghost");
		WeComStandIn.RecordedRequest request = wecom.lastRequest("/cgi-bin/message/send");
		assertThat(request.bodyText()).contains("\"touser\":\"zhangsan|ghost\"").contains("\"agentid\":1000002")
			.contains("hello from Boot 3.5");
		assertThat(request.param("access_token")).isNotBlank();
	}

	@Test
	void receivesACallbackAndReplies() {
		CallbackCrypto crypto = new CallbackCrypto("boot3token", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "wwboot3");
		WeComCallbackSender sender = new WeComCallbackSender(
				"http://127.0.0.1:" + this.port + "/wxwork/sales/callback", crypto, "wwboot3");
		HttpResponse<String> created = sender
			.send(sender.event("sys", "change_contact", "<ChangeType>create_user</ChangeType><UserID>lisi</UserID>"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(handled).contains("created lisi");
		HttpResponse<String> replied = sender.send(sender.textMessage("zhangsan", "ping"));
		assertThat(replied.statusCode()).isEqualTo(200);
		assertThat(crypto.openReply(replied.body())).contains("echo: ping");
	}

	@Test
	void reportsHealthThroughBoot35Actuator() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/wxwork")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).contains("\"apps\"").contains("\"sales\"");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SalesCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "sales")
	static class SalesCallbacks {

		@OnMessage
		Reply echo(TextMessage message) {
			return Reply.text("echo: " + message.content());
		}

		@OnEvent(value = "change_contact", changeType = "create_user")
		void memberCreated(CreateUserEvent event) {
			handled.add("created " + event.userId());
		}

	}

}

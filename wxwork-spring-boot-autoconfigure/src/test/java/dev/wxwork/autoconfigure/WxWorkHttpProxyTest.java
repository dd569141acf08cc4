package dev.wxwork.autoconfigure;

import java.nio.file.Path;

import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;
import dev.wxwork.webhook.WxWorkWebhooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wxwork.http.proxy.*} through a real forwarding proxy on a loopback port that asks for Basic
 * credentials (407 first), on both HTTP clients; towards https the proxy sees only {@code CONNECT host:port}.
 */
class WxWorkHttpProxyTest {

	private static final String PROXY_PASSWORD = "ProxyPassword-9f3a";

	private final WeComStandIn wecom = StandInAgent.wecom().acceptSends("/cgi-bin/message/send");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class, SslAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withPropertyValues("wxwork.corp-id=" + StandInAgent.CORP_ID, "wxwork.agents.sales.agent-id=1000002",
				"wxwork.agents.sales.secret=" + StandInAgent.SECRET);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void httpsGoesThroughAnAuthenticatedTunnelThatNeverSeesTheSecretOrToken(@TempDir Path directory) throws Exception {
		try (TlsRelay https = new TlsRelay(directory, port(this.wecom.baseUrl()));
				ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			this.runner
				.withPropertyValues("wxwork.api-base-url=" + https.baseUrl(), "wxwork.http.ssl-bundle=wecom",
						"spring.ssl.bundle.pem.wecom.truststore.certificate=file:" + https.certificate(),
						"wxwork.http.proxy.host=127.0.0.1", "wxwork.http.proxy.port=" + proxy.port(),
						"wxwork.http.proxy.username=egress", "wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(WxWorkRequestFactories.class).media())
						.isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
					context.getBean("sales", WxWorkAgent.class)
						.messages()
						.send(AppMessage.text("through the proxy").toUsers("zhangsan").build());
					assertThat(this.wecom.deliveries("/cgi-bin/message/send")).singleElement()
						.satisfies((request) -> assertThat(request.bodyText()).contains("through the proxy"));
					assertThat(this.wecom.gettokenCalls()).isEqualTo(1);
					// asked for credentials first, then tunnelled with them
					assertThat(proxy.answers()).startsWith(407).contains(200);
					assertThat(ForwardingProxy.header(proxy.heads().get(0), "proxy-authorization")).isNull();
					assertThat(proxy.heads()).allSatisfy((head) -> assertThat(head)
						.startsWith("CONNECT 127.0.0.1:" + port(https.baseUrl()) + " ")
						.doesNotContain("corpsecret", "access_token", StandInAgent.SECRET, "/cgi-bin"));
					assertThat(proxy.tunnelledBytes()).isNotEmpty()
						.doesNotContain("corpsecret", "access_token", StandInAgent.SECRET, "/cgi-bin",
								"through the proxy");
				});
		}
	}

	@Test
	void theJdkClientGoesThroughTheProxyWithCredentialsAfterA407() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class, HttpClients.class))
				.withPropertyValues("wxwork.api-base-url=" + this.wecom.baseUrl(), "wxwork.http.proxy.host=127.0.0.1",
						"wxwork.http.proxy.port=" + proxy.port(), "wxwork.http.proxy.username=egress",
						"wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context.getBean(WxWorkRequestFactories.class).media())
						.isInstanceOf(JdkClientHttpRequestFactory.class);
					context.getBean("sales", WxWorkAgent.class)
						.messages()
						.send(AppMessage.text("via jdk").toUsers("zhangsan").build());
					assertThat(this.wecom.deliveries("/cgi-bin/message/send")).hasSize(1);
					assertThat(proxy.answers()).startsWith(407).contains(0);
					// plain HTTP: the proxy forwards whole requests, which is why https is the way to use one
					assertThat(proxy.heads()).anySatisfy((head) -> assertThat(head)
						.startsWith("POST " + this.wecom.baseUrl() + "/cgi-bin/message/send?")
						.contains("Proxy-Authorization: Basic"));
				});
		}
	}

	@Test
	void groupRobotsGoThroughTheProxyToo() throws Exception {
		String key = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";
		try (WebhookStandIn robots = new WebhookStandIn(key);
				ForwardingProxy proxy = new ForwardingProxy("egress", PROXY_PASSWORD)) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class,
					WxWorkWebhookAutoConfiguration.class))
				.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
				.withPropertyValues("wxwork.webhooks.ops.url=" + robots.address(key), "wxwork.http.proxy.host=127.0.0.1",
						"wxwork.http.proxy.port=" + proxy.port(), "wxwork.http.proxy.username=egress",
						"wxwork.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					context.getBean(WxWorkWebhooks.class).get("ops").sendMarkdown("**up**");
					assertThat(robots.posted()).hasSize(1);
					assertThat(proxy.answers()).startsWith(407).contains(0);
					assertThat(proxy.heads()).anySatisfy((head) -> assertThat(head).contains("/cgi-bin/webhook/send"));
				});
		}
	}

	@Test
	void withoutAProxyCallsGoDirectly() throws Exception {
		try (ForwardingProxy proxy = new ForwardingProxy(null, null)) {
			this.runner.withPropertyValues("wxwork.api-base-url=" + this.wecom.baseUrl()).run((context) -> {
				context.getBean("sales", WxWorkAgent.class).messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
				assertThat(this.wecom.deliveries("/cgi-bin/message/send")).hasSize(1);
				assertThat(proxy.heads()).isEmpty();
			});
		}
	}

	@Test
	void aHostWithoutAPortFailsAtStartupNamingTheProperty() {
		this.runner.withPropertyValues("wxwork.api-base-url=" + this.wecom.baseUrl(), "wxwork.http.proxy.host=proxy.corp")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.http.proxy.port"));
	}

	@Test
	void theProxyPasswordIsMaskedInConfigprops() {
		this.runner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class, WxWorkSanitizingConfiguration.class))
			.withPropertyValues("wxwork.api-base-url=" + this.wecom.baseUrl(),
					"management.endpoints.web.exposure.include=configprops",
					"management.endpoint.configprops.show-values=always", "wxwork.http.proxy.host=127.0.0.1",
					"wxwork.http.proxy.port=3128", "wxwork.http.proxy.username=egress",
					"wxwork.http.proxy.password=" + PROXY_PASSWORD)
			.run((context) -> {
				String json = JsonMapper.builder()
					.build()
					.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(json).contains("egress", "3128").doesNotContain(PROXY_PASSWORD);
				assertThat(context.getBean(WxWorkProperties.class).getHttp().getProxy().toString())
					.doesNotContain(PROXY_PASSWORD);
			});
	}

	private static int port(String baseUrl) {
		return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
	}

}

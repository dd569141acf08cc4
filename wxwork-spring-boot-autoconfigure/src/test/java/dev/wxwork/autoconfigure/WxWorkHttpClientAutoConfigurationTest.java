package dev.wxwork.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkRequestFactories;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/** The one HTTP client all apps share, its request factory, the customizer and the SSL bundle property. */
class WxWorkHttpClientAutoConfigurationTest {

	private final WeComStandIn wecom = StandInAgent.wecom()
		.secret("other-secret")
		.acceptSends("/cgi-bin/message/send");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxWorkAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withPropertyValues("wxwork.corp-id=" + StandInAgent.CORP_ID, "wxwork.api-base-url=" + this.wecom.baseUrl(),
				"wxwork.agents.sales.agent-id=1000002", "wxwork.agents.sales.secret=" + StandInAgent.SECRET,
				"wxwork.agents.support.agent-id=1000003", "wxwork.agents.support.secret=other-secret");

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void everyAppSharesOneHttpClientOnHttpComponentsWithBufferedJson() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WxWorkHttpClient.class);
			WxWorkAgent sales = context.getBean("sales", WxWorkAgent.class);
			WxWorkAgent support = context.getBean("support", WxWorkAgent.class);
			assertThat(sales.http()).isSameAs(support.http()).isSameAs(context.getBean(WxWorkHttpClient.class));
			WxWorkRequestFactories factories = context.getBean(WxWorkRequestFactories.class);
			assertThat(factories.api()).isInstanceOf(BufferingClientHttpRequestFactory.class);
			assertThat(factories.media()).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			sales.messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
			support.messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
			assertThat(this.wecom.deliveries("/cgi-bin/message/send")).hasSize(2);
		});
	}

	@Test
	void withoutHttpComponentsTheJdkClientIsUsed() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class, HttpClients.class))
			.run((context) -> {
				assertThat(context.getBean(WxWorkRequestFactories.class).media())
					.isInstanceOf(JdkClientHttpRequestFactory.class);
				context.getBean("sales", WxWorkAgent.class)
					.messages()
					.send(AppMessage.text("hi").toUsers("zhangsan").build());
				assertThat(this.wecom.deliveries("/cgi-bin/message/send")).hasSize(1);
			});
	}

	@Test
	void customizersTuneTheClientInOrder() {
		this.runner.withUserConfiguration(Customizers.class).run((context) -> {
			Customizers customizers = context.getBean(Customizers.class);
			assertThat(customizers.seen).containsExactly("HttpComponentsClientHttpRequestFactoryBuilder",
					"JdkClientHttpRequestFactoryBuilder");
			assertThat(context.getBean(WxWorkRequestFactories.class).media())
				.isInstanceOf(JdkClientHttpRequestFactory.class);
			context.getBean("sales", WxWorkAgent.class).messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
			assertThat(this.wecom.deliveries("/cgi-bin/message/send")).hasSize(1);
		});
	}

	@Test
	void anSslBundleThatDoesNotExistFailsAtStartupNamingIt() {
		this.runner.withConfiguration(AutoConfigurations.of(
				org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
			.withPropertyValues("wxwork.http.ssl-bundle=wecom-proxy")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wecom-proxy"));
	}

	@Test
	void aDuplicateCheckIntervalBeyondWeComsLimitFailsAtStartupNamingTheProperty() {
		this.runner.withPropertyValues("wxwork.retry.duplicate-check-interval=5h")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wxwork.retry.duplicate-check-interval"));
	}

	@Test
	void theDuplicateCheckIntervalIsWhatTheLibrarySetsOnSends() {
		this.runner.withPropertyValues("wxwork.retry.duplicate-check-interval=5m").run((context) -> {
			context.getBean("sales", WxWorkAgent.class).messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
			assertThat(this.wecom.deliveries("/cgi-bin/message/send")).singleElement()
				.satisfies((request) -> assertThat(request.bodyText()).contains("\"duplicate_check_interval\":300"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Bean
		@org.springframework.core.annotation.Order(1)
		WxWorkHttpClientCustomizer toJdk() {
			return (builder) -> {
				this.seen.add(builder.getClass().getSimpleName());
				return ClientHttpRequestFactoryBuilder.jdk();
			};
		}

		@Bean
		@org.springframework.core.annotation.Order(2)
		WxWorkHttpClientCustomizer observe() {
			return (builder) -> {
				this.seen.add(builder.getClass().getSimpleName());
				return builder;
			};
		}

	}

}

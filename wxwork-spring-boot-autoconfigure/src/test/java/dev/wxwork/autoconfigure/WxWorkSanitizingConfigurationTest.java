package dev.wxwork.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Actuator's configprops and env under show-values=always: the library's secrets are masked, the rest shown. */
class WxWorkSanitizingConfigurationTest {

	private static final String SECRET = "AppSecretValue0123456789";

	private static final String CALLBACK_TOKEN = "CallbackTokenValue42";

	private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	private static final String WEBHOOK_KEY = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";

	private static final String OTHER_WEBHOOK_KEY = "0b1c2d3e-aaaa-bbbb-cccc-123456789abc";

	private static final String ENV_SECRET = "EnvironmentSecretValue777";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
				WxWorkAutoConfiguration.class, WxWorkWebhookAutoConfiguration.class,
				WxWorkSanitizingConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always",
				"management.endpoint.env.show-values=always", "wxwork.corp-id=ww0123456789abcdef",
				"wxwork.agents.sales.agent-id=1000002", "wxwork.agents.sales.secret=" + SECRET,
				"wxwork.agents.sales.callback.token=" + CALLBACK_TOKEN,
				"wxwork.agents.sales.callback.encoding-aes-key=" + AES_KEY, "wxwork.webhooks.ops.key=" + WEBHOOK_KEY,
				"wxwork.webhooks.alerts.url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + OTHER_WEBHOOK_KEY)
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("WXWORK_AGENTS_CONTACTS_SECRET", ENV_SECRET))));

	@Test
	void configpropsMasksSecretsTokensKeysAndAddressesWithKeys() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			String json = JSON.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			assertThat(json).contains("ww0123456789abcdef", "1000002", "******")
				.doesNotContain(SECRET, CALLBACK_TOKEN, AES_KEY, WEBHOOK_KEY, OTHER_WEBHOOK_KEY, ENV_SECRET);
		});
	}

	@Test
	void envMasksTheSameInEveryFormOfTheName() {
		this.runner.run((context) -> {
			String json = JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
			assertThat(json).contains("ww0123456789abcdef", "WXWORK_AGENTS_CONTACTS_SECRET", "******")
				.doesNotContain(SECRET, CALLBACK_TOKEN, AES_KEY, WEBHOOK_KEY, OTHER_WEBHOOK_KEY, ENV_SECRET);
			String entry = JSON.writeValueAsString(
					context.getBean(EnvironmentEndpoint.class).environmentEntry("wxwork.agents.sales.secret"));
			assertThat(entry).contains("******").doesNotContain(SECRET);
		});
	}

	@Test
	void withoutActuatorThereIsNoSanitizingFunction() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class, RedisConnectionFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SanitizingFunction.class));
	}

	@Test
	void recognisesEveryFormOfASecretsName() {
		assertThat(WxWorkSecretProperties.isSecret("wxwork.agents.a.callback.encoding-aes-key", "x")).isTrue();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.agents.a.callback.encodingAesKey", "x")).isTrue();
		assertThat(WxWorkSecretProperties.isSecret("WXWORK_AGENTS_A_CALLBACK_ENCODINGAESKEY", "x")).isTrue();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.bots.demo-bot.secret", "x")).isTrue();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.bots.demo-bot.callback.token", "x")).isTrue();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.webhooks.ops.url", "https://h/cgi-bin/webhook/send?key=k"))
			.isTrue();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.webhooks.ops.url", "http://127.0.0.1:8080")).isFalse();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.redis-key-prefix", "wxwork")).isFalse();
		assertThat(WxWorkSecretProperties.isSecret("WXWORK_REDIS_KEY_PREFIX", "wxwork")).isFalse();
		assertThat(WxWorkSecretProperties.isSecret("wxwork.token-store", "redis")).isFalse();
		assertThat(WxWorkSecretProperties.isSecret("spring.data.redis.password-ish", "x")).isFalse();
	}

}

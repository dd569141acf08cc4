package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logging defaults reach a real application through {@code spring.factories}, before its logging
 * system starts, and lose to what the application sets by name.
 */
class WxWorkLoggingDefaultsTest {

	@Test
	void turnsOffTheJdkHttpClientLoggersEvenUnderARootDebugLevel() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=DEBUG", "logging.level.jdk.httpclient.HttpClient=INFO")
			.run()) {
			assertThat(context.getEnvironment().getPropertySources().contains(WxWorkLoggingDefaults.PROPERTY_SOURCE_NAME))
				.isTrue();
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			assertThat(logging.getLoggerConfiguration("jdk.internal.httpclient.debug").getEffectiveLevel())
				.isEqualTo(LogLevel.OFF);
			assertThat(logging.getLoggerConfiguration("jdk.internal.httpclient.hpack.debug").getEffectiveLevel())
				.isEqualTo(LogLevel.OFF);
			// the application's own setting wins
			assertThat(logging.getLoggerConfiguration("jdk.httpclient.HttpClient").getEffectiveLevel())
				.isEqualTo(LogLevel.INFO);
			assertThat(logging.getLoggerConfiguration("dev.wxwork").getEffectiveLevel()).isEqualTo(LogLevel.DEBUG);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}

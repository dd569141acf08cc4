package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationContextInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The startup check of the Spring Boot version: one line naming the version the starter needs. */
@ExtendWith(OutputCaptureExtension.class)
class WxWorkBootVersionCheckTest {

	@Test
	void boot4IsSupported() {
		assertThat(WxWorkBootVersionCheck.problem("4.0.7", true)).isNull();
		assertThat(WxWorkBootVersionCheck.problem("4.1.2", true)).isNull();
		assertThat(WxWorkBootVersionCheck.problem("4.1.0-RC1", true)).isNull();
	}

	@Test
	void boot3GetsOneLineNamingTheVersionItNeeds() {
		String problem = WxWorkBootVersionCheck.problem("3.5.7", false);
		assertThat(problem).contains("requires Spring Boot 4", "runs Spring Boot 3.5.7")
			.endsWith("use dev.wxwork:wxwork-spring-boot3-starter (Spring Boot 3.5.x) instead")
			.doesNotContain("\n");
	}

	@Test
	void anUnknownVersionIsJudgedByTheClassesPresent() {
		assertThat(WxWorkBootVersionCheck.problem(null, true)).isNull();
		assertThat(WxWorkBootVersionCheck.problem(null, false)).contains("requires Spring Boot 4.0").doesNotContain("\n");
	}

	@Test
	void aLaterMajorIsNotClaimed() {
		assertThat(WxWorkBootVersionCheck.problem("5.0.0", true)).contains("requires Spring Boot 4", "5.0.0");
	}

	@Test
	void theRunningBootPassesAndTheCheckIsRegisteredForEveryApplication() {
		assertThat(WxWorkBootVersionCheck.problem(SpringBootVersion.getVersion(), true)).isNull();
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
			.anyMatch(WxWorkBootVersionCheck.class::isInstance);
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void anUnsupportedVersionFailsStartupWithBootsReportAndNoStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers((context) -> {
			String problem = WxWorkBootVersionCheck.problem("3.5.7", false);
			throw new UnsupportedBootVersionException(problem);
		});
		assertThatExceptionOfType(UnsupportedBootVersionException.class)
			.isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START", "requires Spring Boot 4", "runs Spring Boot 3.5.7")
			.doesNotContain("\tat ");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}

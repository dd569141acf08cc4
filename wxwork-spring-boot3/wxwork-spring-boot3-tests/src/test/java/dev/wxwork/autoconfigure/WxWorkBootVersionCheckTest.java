package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/** The Boot 3.5 starter's version check, as compiled for the Boot 3.5 line. */
class WxWorkBootVersionCheckTest {

	@Test
	void acceptsTheBootItRunsOn() {
		assertThat(WxWorkBootVersionCheck.problem(SpringBootVersion.getVersion())).isNull();
		assertThat(WxWorkBootVersionCheck.problem("3.5.0")).isNull();
	}

	@Test
	void namesTheBootItNeedsAndTheOtherStarter() {
		assertThat(WxWorkBootVersionCheck.problem("4.0.7")).isEqualTo(
				"dev.wxwork:wxwork-spring-boot3-starter needs Spring Boot 3.5.x, but this application runs Spring Boot 4.0.7; "
						+ "use dev.wxwork:wxwork-spring-boot-starter (Spring Boot 4) instead.")
			.doesNotContain("\n");
		assertThat(WxWorkBootVersionCheck.problem("3.4.9")).contains("needs Spring Boot 3.5.x");
	}

}

package dev.wxwork.autoconfigure;

/** The Spring Boot line this build of the auto-configuration is for (one of two per-line sources). */
final class WxWorkBootLine {

	static final String STARTER = "dev.wxwork:wxwork-spring-boot3-starter";

	static final String NEEDS = "3.5.x";

	static final String OTHER_STARTER = "dev.wxwork:wxwork-spring-boot-starter (Spring Boot 4)";

	private WxWorkBootLine() {
	}

	static boolean supports(String version) {
		return version.startsWith("3.5.");
	}

}

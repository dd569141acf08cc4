package dev.wxwork.autoconfigure;

/** The Spring Boot line this build of the auto-configuration is for (one of two per-line sources). */
final class WxWorkBootLine {

	static final String STARTER = "dev.wxwork:wxwork-spring-boot-starter";

	static final String NEEDS = "4";

	static final String OTHER_STARTER = "dev.wxwork:wxwork-spring-boot3-starter (Spring Boot 3.5.x)";

	private WxWorkBootLine() {
	}

	static boolean supports(String version) {
		return version.startsWith("4.");
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Fails startup with one line naming the Spring Boot version this starter needs, when the application
 * runs another. It is an {@link ApplicationContextInitializer} (registered in {@code spring.factories}
 * under a key that Spring Boot 3 and 4 both read), so it runs before the context loads any
 * auto-configuration class, which on Boot 3 would end in a {@code NoClassDefFoundError}. It uses only
 * classes that both lines have.
 */
public class WxWorkBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The Spring Boot line this starter is built for. */
	static final int REQUIRED_MAJOR = 4;

	// a class that Spring Boot 4 has and Spring Boot 3 lacks, for a jar without a version in its manifest
	private static final String BOOT_4_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String problem = problem(SpringBootVersion.getVersion(),
				ClassUtils.isPresent(BOOT_4_CLASS, context.getClassLoader()));
		if (problem != null) {
			throw new UnsupportedBootVersionException(problem);
		}
	}

	/**
	 * The one-line message for this Spring Boot version, or null when it is supported.
	 * @param bootVersion the running Spring Boot version, or null when unknown
	 * @param boot4ClassesPresent whether a class only Spring Boot 4 has is on the classpath
	 */
	static String problem(String bootVersion, boolean boot4ClassesPresent) {
		if (bootVersion == null || bootVersion.isBlank()) {
			return boot4ClassesPresent ? null
					: "wxwork-spring-boot-starter requires Spring Boot 4.0 or later; this application runs an "
							+ "older Spring Boot (use a wxwork starter built for that line)";
		}
		int major = major(bootVersion);
		if (major == REQUIRED_MAJOR) {
			return null;
		}
		return "wxwork-spring-boot-starter requires Spring Boot 4.x (built and tested on 4.0 and 4.1); this "
				+ "application runs Spring Boot " + bootVersion
				+ ((major == 3) ? "; use dev.wxwork:wxwork-spring-boot3-starter (Spring Boot 3.5.x) instead"
						: (major < REQUIRED_MAJOR) ? " (use a wxwork starter built for that line)" : "");
	}

	private static int major(String version) {
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		return (end > 0) ? Integer.parseInt(version.substring(0, end)) : -1;
	}

}

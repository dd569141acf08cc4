package dev.wxwork.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fails startup with one line naming the Spring Boot version this starter needs, when the application
 * runs another: the Boot 3.5 line's twin of the Boot 4 class (registered under the same name in the
 * shared {@code spring.factories}, as an initializer, a key both Boot lines read), so it runs before the
 * context loads any auto-configuration class.
 */
public class WxWorkBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String problem = problem(SpringBootVersion.getVersion());
		if (problem != null) {
			throw new UnsupportedBootVersionException(problem);
		}
	}

	/** The one-line message for this Spring Boot version, or null when it is supported (or unknown). */
	static String problem(String bootVersion) {
		if (bootVersion == null || bootVersion.isBlank() || bootVersion.startsWith("3.5.")) {
			return null;
		}
		return "dev.wxwork:wxwork-spring-boot3-starter needs Spring Boot 3.5.x, but this application runs Spring Boot "
				+ bootVersion + "; use dev.wxwork:wxwork-spring-boot-starter (Spring Boot 4) instead.";
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an application whose Spring Boot line this starter was not built for, before any of the
 * library's auto-configuration is loaded, with one line that names the Boot version it needs and the
 * starter to use instead. Registered in {@code spring.factories} as an initializer, a type both Boot
 * lines know under the same name.
 */
public final class WxWorkBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String problem = problem(SpringBootVersion.getVersion());
		if (problem != null) {
			throw new UnsupportedBootVersionException(problem);
		}
	}

	/** The one-line complaint about {@code bootVersion}, or null when this starter supports it. */
	static String problem(String bootVersion) {
		if (bootVersion == null || WxWorkBootLine.supports(bootVersion)) {
			return null;
		}
		return WxWorkBootLine.STARTER + " needs Spring Boot " + WxWorkBootLine.NEEDS + ", but this application runs Spring Boot "
				+ bootVersion + "; use " + WxWorkBootLine.OTHER_STARTER + " instead.";
	}

	/** The application runs a Spring Boot line this starter was not built for. */
	static final class UnsupportedBootVersionException extends IllegalStateException {

		UnsupportedBootVersionException(String message) {
			super(message);
		}

	}

	/** Reports {@link UnsupportedBootVersionException} in one line, without a stack trace. */
	static final class Analyzer extends AbstractFailureAnalyzer<UnsupportedBootVersionException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedBootVersionException cause) {
			return new FailureAnalysis(cause.getMessage(), "Change the dependency as described above.", null);
		}

	}

}

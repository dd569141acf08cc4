package dev.wxwork.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link WxWorkConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" report. */
class WxWorkConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WxWorkConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WxWorkConfigurationException cause) {
		if (cause instanceof UnsupportedBootVersionException) {
			return new FailureAnalysis(cause.getMessage(),
					"Run Spring Boot 4.x, or use the wxwork starter built for your Spring Boot line.", cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Fix the wxwork.* properties named above (application.yml, environment variables or arguments).",
				cause);
	}

}

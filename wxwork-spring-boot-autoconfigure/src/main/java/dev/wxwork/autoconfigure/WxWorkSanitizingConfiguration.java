package dev.wxwork.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks the library's secrets in Actuator's {@code configprops} and {@code env} endpoints, also under
 * {@code management.endpoint.*.show-values=always}, when the application has Actuator.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class WxWorkSanitizingConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "wxWorkSanitizingFunction")
	SanitizingFunction wxWorkSanitizingFunction() {
		return (data) -> WxWorkSecretProperties.isSecret(data.getKey(), data.getValue()) ? data.withSanitizedValue()
				: data;
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Always active, unlike {@link WxWorkCallbackAutoConfiguration}: fails the startup (or warns) when a
 * {@code @WxWorkCallback} class exists but no endpoint will serve it.
 */
@AutoConfiguration(after = WxWorkCallbackAutoConfiguration.class)
public final class WxWorkCallbackServingAutoConfiguration {

	@Bean
	static CallbackServingCheck wxWorkCallbackServingCheck(ApplicationContext context) {
		return new CallbackServingCheck(context);
	}

}

package dev.wxwork.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.callback.CallbackDeduplicator;
import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.CallbackErrorHandler;
import dev.wxwork.callback.CallbackHandOff;
import dev.wxwork.callback.CallbackHandlerMapping;

/**
 * Serves the {@code @WxWorkCallback} endpoints over Spring MVC, deduplicating WeCom's retries with the
 * {@link CallbackDeduplicator} of {@link WxWorkAutoConfiguration} (Redis or memory, like the token store).
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WxWorkAgents.class)
@Import({ CallbackHandOffConfigurations.ErrorHandler.class, CallbackHandOffConfigurations.Redis.class,
		CallbackHandOffConfigurations.Memory.class })
public final class WxWorkCallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallbackHandlerMapping wxWorkCallbackHandlerMapping() {
		return new CallbackHandlerMapping();
	}

	@Bean
	@ConditionalOnMissingBean
	CallbackEndpointRegistrar wxWorkCallbackEndpointRegistrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			WxWorkProperties properties, CallbackDeduplicator deduplicator, CallbackHandOff handOff,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<CallbackErrorHandler> errorHandler) {
		CallbackEndpointRegistrar registrar = WxWorkCallbackBeans.registrar(mapping, agents, properties, deduplicator,
				handOff, Clock.systemUTC());
		registrar.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		registrar.setErrorHandler(errorHandler.getIfAvailable());
		return registrar;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class DeduplicationMetrics {

		@Bean
		@ConditionalOnMissingBean(name = "wxWorkCallbackDeduplicationMetrics")
		MeterBinder wxWorkCallbackDeduplicationMetrics(CallbackDeduplicator deduplicator) {
			return new CallbackDeduplicationMetrics(deduplicator);
		}

	}

}

package dev.wxwork.autoconfigure;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wxwork.bot.BotConnectionLeases;
import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotHandlerMapping;
import dev.wxwork.bot.BotStreamStore;

/**
 * Serves the {@code @WxWorkBot} beans in callback mode over Spring MVC. It needs no corp id and no app:
 * a bots-only application configures only {@code wxwork.bots.*}. Stream states live in Redis under the
 * same rule as tokens ({@code wxwork.token-store}), so that any instance answers WeCom's refresh polls.
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(WxWorkProperties.class)
@Import({ RedisGuardConfiguration.class, BotStreamStoreConfigurations.Redis.class, BotStreamStoreConfigurations.Memory.class, WxWorkBotRegistrar.class })
public final class WxWorkBotAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BotHandlerMapping wxWorkBotHandlerMapping() {
		return new BotHandlerMapping();
	}

	@Bean
	@ConditionalOnMissingBean
	BotEndpointRegistrar wxWorkBotEndpointRegistrar(BotHandlerMapping mapping, WxWorkProperties properties,
			BotStreamStore store, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<BotConnectionLeases> leases, ObjectProvider<SslBundles> sslBundles) {
		BotEndpointRegistrar registrar = WxWorkBotBeans.registrar(mapping, properties, store, Clock.systemUTC());
		registrar.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		registrar.setConnectionLeases(leases.getIfAvailable());
		WxWorkBotBeans.connectionTransport(registrar, properties, sslBundles.getIfAvailable());
		return registrar;
	}

}

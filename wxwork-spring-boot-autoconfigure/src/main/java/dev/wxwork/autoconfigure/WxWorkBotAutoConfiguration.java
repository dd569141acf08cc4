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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.wxwork.bot.BotConnectionLeases;
import dev.wxwork.bot.BotEndpointRegistrar;
import dev.wxwork.bot.BotHandlerMapping;
import dev.wxwork.bot.BotStreamStore;

/**
 * Serves the {@code @WxWorkBot} beans: over their long connections in any application (servlet, reactive
 * or none: the bot dials out, nothing listens), and in callback mode over Spring MVC. It needs no corp id
 * and no app: a bots-only application configures only {@code wxwork.bots.*}. Stream states and connection
 * leases live in Redis under the same rule as tokens ({@code wxwork.token-store}).
 */
@AutoConfiguration(after = WxWorkAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@EnableConfigurationProperties(WxWorkProperties.class)
@Import({ RedisGuardConfiguration.class, BotStreamStoreConfigurations.Redis.class, BotStreamStoreConfigurations.Memory.class, WxWorkBotRegistrar.class })
public final class WxWorkBotAutoConfiguration {

	/** Without it (no Spring MVC), a bot in callback mode fails the startup with the reason. */
	@Bean
	@ConditionalOnMissingBean
	BotEndpointRegistrar wxWorkBotEndpointRegistrar(WxWorkProperties properties, BotStreamStore store,
			ObjectProvider<BotEndpointRegistrar.CallbackServer> callbackServer,
			ObjectProvider<BotConnectionLeases> leases, ObjectProvider<SslBundles> sslBundles, ApplicationContext context) {
		BotEndpointRegistrar registrar = WxWorkBotBeans.registrar(
				callbackServer.getIfAvailable(() -> new UnservedBotCallbacks(context)), properties, store,
				Clock.systemUTC());
		registrar.setConnectionLeases(leases.getIfAvailable());
		WxWorkBotBeans.connectionTransport(registrar, properties, sslBundles.getIfAvailable());
		return registrar;
	}

	/** The callback endpoints of bots, served over Spring MVC; the long connections need none of this. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	static class CallbackServing {

		@Bean
		@ConditionalOnMissingBean
		BotHandlerMapping wxWorkBotHandlerMapping(ObjectProvider<ObservationRegistry> observations) {
			return new BotHandlerMapping(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		}

	}

}

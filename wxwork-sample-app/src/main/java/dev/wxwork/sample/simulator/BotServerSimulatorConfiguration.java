package dev.wxwork.sample.simulator;

import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.ServletContextAware;

import dev.wxwork.autoconfigure.WxWorkProperties;

/**
 * The simulator's WeCom bot server, at {@link BotServerSimulator#PATH} on this app's own port, on unless
 * {@code sample.simulator.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class BotServerSimulatorConfiguration {

	@Bean
	BotServerSimulator botServerSimulator(WxWorkProperties wxwork) {
		return new BotServerSimulator(wxwork);
	}

	@Bean
	BotServerEndpoint botServerEndpoint(BotServerSimulator simulator) {
		return new BotServerEndpoint(simulator);
	}

	/**
	 * Adds the bot server's endpoint to the jakarta.websocket container of this app's Tomcat (Spring Boot
	 * starts one when Tomcat's WebSocket support is on the classpath), once the servlet context is up and
	 * before any connection comes, as Spring's {@code ServerEndpointExporter} does.
	 */
	static final class BotServerEndpoint implements ServletContextAware, SmartInitializingSingleton {

		private final BotServerSimulator simulator;

		private ServletContext servletContext;

		BotServerEndpoint(BotServerSimulator simulator) {
			this.simulator = simulator;
		}

		@Override
		public void setServletContext(ServletContext servletContext) {
			this.servletContext = servletContext;
		}

		@Override
		public void afterSingletonsInstantiated() {
			ServerContainer container = (this.servletContext != null)
					? (ServerContainer) this.servletContext.getAttribute(ServerContainer.class.getName()) : null;
			if (container == null) {
				throw new IllegalStateException("No jakarta.websocket ServerContainer for the simulator's bot server at "
						+ BotServerSimulator.PATH + " (the sample runs on Tomcat with tomcat-embed-websocket); "
						+ "set sample.simulator.enabled=false to run without the simulator");
			}
			try {
				container.addEndpoint(this.simulator.server().endpointConfig(BotServerSimulator.PATH));
			}
			catch (DeploymentException ex) {
				throw new IllegalStateException("Cannot serve the simulator's bot server at " + BotServerSimulator.PATH, ex);
			}
		}

	}

}

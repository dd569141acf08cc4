package dev.wxwork.bot;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * Maps each bot's callback path ({@code /wxwork/bots/<name>/callback}) to its endpoint, before the
 * application's controllers: the {@link BotEndpointRegistrar.CallbackServer} of a Spring MVC application.
 */
public class BotHandlerMapping extends AbstractUrlHandlerMapping implements BotEndpointRegistrar.CallbackServer {

	private final ObservationRegistry observations;

	public BotHandlerMapping() {
		this(ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each callback request is observed ({@code wxwork.bot.callbacks})
	 */
	public BotHandlerMapping(ObservationRegistry observations) {
		this.observations = observations;
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	/** Serves the endpoint at the path. */
	public void register(String path, HttpRequestHandler handler) {
		registerHandler(path, handler);
	}

	@Override
	public void serve(String path, BotCallbackEndpoint endpoint) {
		register(path, new BotCallbackRequestHandler(endpoint, this.observations));
	}

}

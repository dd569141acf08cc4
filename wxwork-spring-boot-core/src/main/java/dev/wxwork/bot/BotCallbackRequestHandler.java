package dev.wxwork.bot;

import io.micrometer.observation.ObservationRegistry;

import dev.wxwork.callback.support.SignedCallbackRequestHandler;

/**
 * Serves one {@link BotCallbackEndpoint} over Spring MVC: GET for URL verification, POST for callbacks.
 * The body is read here, never more than the endpoint's limit.
 */
public class BotCallbackRequestHandler extends SignedCallbackRequestHandler {

	public BotCallbackRequestHandler(BotCallbackEndpoint endpoint) {
		this(endpoint, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each request is observed as {@code wxwork.bot.callbacks}, tagged with the
	 * bot, the HTTP method and the outcome (rejected, acknowledged, replied)
	 */
	public BotCallbackRequestHandler(BotCallbackEndpoint endpoint, ObservationRegistry observations) {
		super(endpoint, observations, "wxwork.bot.callbacks", "bot", endpoint.botName());
	}

}

package dev.wxwork.callback;

import io.micrometer.observation.ObservationRegistry;

import dev.wxwork.callback.support.SignedCallbackRequestHandler;

/**
 * Serves one {@link CallbackEndpoint} over Spring MVC: GET for URL verification, POST for callbacks.
 * The body is read here, never more than the endpoint's limit.
 */
public class CallbackRequestHandler extends SignedCallbackRequestHandler {

	public CallbackRequestHandler(CallbackEndpoint endpoint) {
		this(endpoint, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each request is observed as {@code wxwork.callbacks}, tagged with the
	 * app, the HTTP method and the outcome (rejected, acknowledged, replied, failed, busy)
	 */
	public CallbackRequestHandler(CallbackEndpoint endpoint, ObservationRegistry observations) {
		super(endpoint, observations, "wxwork.callbacks", "app", endpoint.agentName());
	}

}

package dev.wxwork.callback;

import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * Maps each app's callback path (from {@link WxWorkCallback#path()}) to its endpoint; ordered before
 * the application's controllers so that the path is the endpoint's.
 */
public class CallbackHandlerMapping extends AbstractUrlHandlerMapping {

	public CallbackHandlerMapping() {
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	/** Serves the endpoint at the path. */
	public void register(String path, HttpRequestHandler handler) {
		registerHandler(path, handler);
	}

}

package dev.wxwork.bot;

import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/** Maps each bot's callback path ({@code /wxwork/bots/<name>/callback}) to its endpoint, before the application's controllers. */
public class BotHandlerMapping extends AbstractUrlHandlerMapping {

	public BotHandlerMapping() {
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	/** Serves the endpoint at the path. */
	public void register(String path, HttpRequestHandler handler) {
		registerHandler(path, handler);
	}

}

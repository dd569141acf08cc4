package dev.wxwork.callback;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The default {@link CallbackErrorHandler}: one ERROR line naming the app and the callback's identity, never its content. */
public class LoggingCallbackErrorHandler implements CallbackErrorHandler {

	private static final Log logger = LogFactory.getLog(LoggingCallbackErrorHandler.class);

	@Override
	public void handle(FailedCallback failure) {
		logger.error("Async callback handler of app '" + failure.agentName() + "' gave up on " + failure.identity()
				+ " after " + failure.attempts() + " attempts"
				+ ((failure.deadLetterId() != null) ? "; it is kept in the dead-letter stream as " + failure.deadLetterId()
						: "; it was acknowledged already, so WeCom will not send it again")
				+ " (" + failure.cause().getClass().getName() + ")");
	}

}

package dev.wxwork.callback;

/**
 * Receives an acknowledged callback whose async handler failed every attempt, or which could no longer
 * be opened. WeCom will not send it again, so this is the last place it is seen (besides the
 * dead-letter stream with Redis). Declare a bean of this type to replace the default,
 * {@link LoggingCallbackErrorHandler}, which logs the callback's identity and never its content.
 */
@FunctionalInterface
public interface CallbackErrorHandler {

	/** Handles one failed callback; what it throws is logged and otherwise ignored. */
	void handle(FailedCallback failure);

}

package dev.wxwork.callback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles every callback of the endpoint that no {@link OnMessage @OnMessage} or
 * {@link OnEvent @OnEvent} method takes, including types this library does not know. At most one per
 * app.
 * <p>
 * The method may take the raw {@link CallbackMessage} (every element readable, and
 * {@link CallbackMessage#typed()} for known types) and the app's {@link dev.wxwork.agent.WxWorkAgent}.
 * It returns the passive reply, or {@code void} / null for none.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnOtherCallbacks {

	/** Acknowledges at once and runs the method on the callback executor; see {@link OnMessage#async()}. */
	boolean async() default false;

}

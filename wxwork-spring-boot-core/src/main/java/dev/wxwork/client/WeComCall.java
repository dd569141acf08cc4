package dev.wxwork.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a WeCom {@code @HttpExchange} method may be retried. A method without it is
 * {@link Idempotency#IDEMPOTENT} when it is a GET and {@link Idempotency#NOT_IDEMPOTENT} otherwise;
 * the library's own methods all declare it (a test checks that none is missing).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WeComCall {

	/** Whether repeating the call is harmless. */
	Idempotency value();

}

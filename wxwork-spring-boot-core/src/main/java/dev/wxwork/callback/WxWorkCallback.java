package dev.wxwork.callback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Makes a bean the callback ("receive messages") endpoint of one app: GET answers WeCom's URL
 * verification, POST receives messages and events and dispatches them to the class's
 * {@link OnMessage @OnMessage}, {@link OnEvent @OnEvent} and {@link OnOtherCallbacks @OnOtherCallbacks}
 * methods. Signatures, freshness, decryption, deduplication of WeCom's retries and sealing of the
 * reply are done before and after a handler runs.
 * <pre>{@code
 * @WxWorkCallback(agent = "demo")
 * class DemoCallbacks {
 *     @OnMessage
 *     Reply echo(TextMessage message) {
 *         return Reply.text("echo: " + message.content());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface WxWorkCallback {

	/** The app's name under {@code wxwork.agents}; its {@code callback.token} and {@code callback.encoding-aes-key} must be set. */
	String agent();

	/** The endpoint's path, to enter as the callback URL in the admin console; {@code /wxwork/<agent>/callback} by default. */
	String path() default "";

	/** Runs every handler of this class asynchronously (see {@link OnMessage#async()}). */
	boolean async() default false;

}

package dev.wxwork.callback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one MsgType (text, image, voice, video, location, link, or one this library does not know)
 * in a {@link WxWorkCallback @WxWorkCallback} class.
 * <p>
 * The method may take, in any order: the typed message ({@code TextMessage}, ...), the raw
 * {@link CallbackMessage}, and the app's {@link dev.wxwork.agent.WxWorkAgent}. It returns the passive
 * reply ({@link dev.wxwork.callback.reply.Reply}), or {@code void} / null for none.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnMessage {

	/** The MsgType; by default the one of the method's typed parameter ({@code TextMessage} is {@code text}). */
	String value() default "";

	/**
	 * Acknowledges the callback at once with an empty 200 and runs the method on the callback
	 * executor. For work that can take longer than WeCom's 5-second deadline; the method must return
	 * {@code void} and answers, if at all, through the message API. A failure is logged, not retried.
	 */
	boolean async() default false;

}

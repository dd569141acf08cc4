package dev.wxwork.callback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one Event (with MsgType {@code event}), optionally of one ChangeType, in a
 * {@link WxWorkCallback @WxWorkCallback} class.
 * <p>
 * The method may take, in any order: the typed event ({@code MenuClickEvent}, {@code CreateUserEvent},
 * or a family such as {@code ChangeContactEvent}), the raw {@link CallbackMessage}, and the app's
 * {@link dev.wxwork.agent.WxWorkAgent}. It returns the passive reply
 * ({@link dev.wxwork.callback.reply.Reply}), or {@code void} / null for none. A handler of one
 * ChangeType wins over a handler of the whole Event; a handler of an EventKey wins over both.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {

	/** The Event, such as {@code click} or {@code change_contact}; by default the one of the method's typed parameter. */
	String value() default "";

	/** The ChangeType, such as {@code create_user}; by default every ChangeType (or the one of the typed parameter). */
	String changeType() default "";

	/**
	 * The EventKey of a menu (or other keyed) event, such as {@code menu_1}; ending with {@code *}, every
	 * EventKey that starts with what comes before it ({@code order_*}). An exact EventKey wins over a
	 * prefix, and a longer prefix over a shorter one. By default every EventKey.
	 */
	String eventKey() default "";

	/** Acknowledges at once and runs the method on the callback executor; see {@link OnMessage#async()}. */
	boolean async() default false;

}

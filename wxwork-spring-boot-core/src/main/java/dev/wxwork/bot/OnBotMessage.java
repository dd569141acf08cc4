package dev.wxwork.bot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one msgtype (text, image, mixed, voice, file) of a {@link WxWorkBot @WxWorkBot}.
 * <p>
 * The method may take, in any order: the typed message ({@link BotTextMessage}, ...), the whole
 * {@link BotCallback}, and a {@link BotStream} to push the answer itself. It returns the reply: a
 * {@code String} (the whole answer), a {@link BotReply}, a {@code Publisher<String>} (such as a
 * Reactor {@code Flux}), a {@code Stream<String>} or an {@code Iterator<String>} (streamed as the chunks
 * come), or {@code void} (no reply, or the answer pushed through the {@link BotStream}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnBotMessage {

	/** The msgtype; by default the one of the method's typed parameter ({@link BotTextMessage} is {@code text}). */
	String value() default "";

}

package dev.wxwork.bot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event type (enter_chat, template_card_event, feedback_event) of a
 * {@link WxWorkBot @WxWorkBot}.
 * <p>
 * The method may take the typed event ({@link BotEnterChatEvent}, ...) and the whole
 * {@link BotCallback}. An enter_chat handler returns the welcome (a {@code String} or a
 * {@link BotReply#text}/{@link BotReply#templateCard}); a template_card_event handler returns
 * {@link BotReply#updateCard} or nothing; a feedback_event handler returns {@code void} (WeCom accepts
 * only an empty answer to it).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnBotEvent {

	/** The eventtype; by default the one of the method's typed parameter. */
	String value() default "";

}

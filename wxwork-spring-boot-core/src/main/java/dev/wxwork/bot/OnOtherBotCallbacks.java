package dev.wxwork.bot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catch-all of a {@link WxWorkBot @WxWorkBot}: takes every message and event no other handler
 * takes. It may take the {@link BotCallback} and a {@link BotStream}, and returns like an
 * {@link OnBotMessage @OnBotMessage} handler (for an event, a reply that fits the event).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnOtherBotCallbacks {

}

package dev.wxwork.bot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Makes a bean the handler of one WeCom AI bot (智能机器人) configured under {@code wxwork.bots.<name>}.
 * Its {@link OnBotMessage @OnBotMessage}, {@link OnBotEvent @OnBotEvent} and
 * {@link OnOtherBotCallbacks @OnOtherBotCallbacks} methods are found once at startup; what they return
 * is the reply. In callback mode the bot is served at {@code /wxwork/bots/<name>/callback}.
 * <pre>{@code
 * @WxWorkBot("assistant")
 * class Assistant {
 *     @OnBotMessage
 *     Flux<String> answer(BotTextMessage text) {
 *         return chatClient.prompt(text.content()).stream().content();
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface WxWorkBot {

	/**
	 * The bot's name under {@code wxwork.bots} (or the names of several bots that share these handlers).
	 * It is no bean name: an array, so that Spring does not name the bean after it and clash with the
	 * bot's own bean or an app of that name.
	 */
	String[] value();

}

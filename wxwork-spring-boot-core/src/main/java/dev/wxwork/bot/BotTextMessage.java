package dev.wxwork.bot;

/**
 * A text message ({@code msgtype} text), from a single chat or an @-mention in a group.
 *
 * @param content the text; in a group it starts with the @-mention of the bot
 */
public record BotTextMessage(String content) implements BotPayload {

}

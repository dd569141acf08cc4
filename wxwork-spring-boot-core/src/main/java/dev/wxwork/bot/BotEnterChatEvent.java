package dev.wxwork.bot;

/**
 * The user's first entry of the day into the single chat with the bot ({@code enter_chat}); WeCom
 * does not push it again that day when it gets no welcome within its deadline.
 */
public record BotEnterChatEvent() implements BotPayload {

}

package dev.wxwork.bot;

/**
 * A voice message ({@code msgtype} voice), single chats only; WeCom sends the speech as text.
 *
 * @param content the recognised text
 */
public record BotVoiceMessage(String content) implements BotPayload {

}

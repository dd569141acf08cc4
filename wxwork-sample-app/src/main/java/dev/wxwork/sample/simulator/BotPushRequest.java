package dev.wxwork.sample.simulator;

/**
 * The body of {@code POST /simulator/bots/push}: a message or event to a bot, as WeCom would send it.
 *
 * @param bot the bot to push to; {@code demo-bot} when absent
 * @param msgType text (the default), voice, or event
 * @param fromUser the sender's user id; {@code zhangsan} when absent
 * @param content the text of a text or voice message
 * @param event the eventtype of an event, such as enter_chat
 * @param target the base URL of the server to deliver to, such as {@code http://127.0.0.1:8081} for another
 * instance of the app; this server when absent
 */
public record BotPushRequest(String bot, String msgType, String fromUser, String content, String event, String target) {
}

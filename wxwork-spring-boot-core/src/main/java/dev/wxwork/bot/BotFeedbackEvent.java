package dev.wxwork.bot;

/**
 * A user's feedback on an answer that carried a feedback id ({@code feedback_event}); WeCom accepts only
 * an empty answer to it.
 *
 * @param id the feedback id given with the answer
 * @param type 1 accurate, 2 inaccurate, 3 feedback withdrawn
 * @param content the user's words, if any
 */
public record BotFeedbackEvent(String id, int type, String content) implements BotPayload {

}

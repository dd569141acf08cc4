package dev.wxwork.sample.messages;

/**
 * The body of {@code POST /messages}.
 *
 * @param toUser the recipient's userid; several separated by {@code |}
 * @param content the text
 */
public record SendTextRequest(String toUser, String content) {
}

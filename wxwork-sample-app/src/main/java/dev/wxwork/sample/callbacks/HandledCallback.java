package dev.wxwork.sample.callbacks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One callback the demo app handled, as {@code GET /events} lists it; absent elements are null, and
 * are written as null so that every entry has the same fields.
 *
 * @param msgType the MsgType: text, image, ..., event
 * @param event the Event of an event
 * @param changeType the ChangeType of a change event, such as create_user
 * @param fromUser the FromUserName: the member who sent a message, {@code sys} for contact changes
 * @param createTime the CreateTime, seconds since the epoch
 * @param msgId the MsgId of a message
 * @param userId the UserID a contact change is about
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HandledCallback(String msgType, String event, String changeType, String fromUser, Long createTime,
		String msgId, String userId) {
}

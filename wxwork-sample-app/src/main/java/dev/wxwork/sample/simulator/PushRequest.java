package dev.wxwork.sample.simulator;

import java.util.Map;

/**
 * The body of {@code POST /simulator/push}: a message or event as WeCom would send it. Leave out what
 * does not apply; {@code msgId} and {@code createTime} are filled in when absent, and given again they
 * replay a callback.
 *
 * @param agent the app to push to; {@code demo} when absent
 * @param msgType the MsgType: text, image, ..., event
 * @param fromUser the FromUserName: the member; {@code sys} when absent for {@code change_contact} events
 * @param content the Content of a text message
 * @param event the Event of an event, such as change_contact or click
 * @param changeType the ChangeType of a change event, such as create_user
 * @param userId the UserID of a contact change
 * @param name the Name of a contact change
 * @param eventKey the EventKey of a menu or card event
 * @param msgId the MsgId of a message; a fresh unique one when absent
 * @param createTime the CreateTime, seconds since the epoch; now when absent
 * @param elements further elements by WeCom's names, such as {@code {"PicUrl": "..."}}
 * @param target the base URL of the server to deliver to, such as {@code http://127.0.0.1:8081} for another
 * instance of the app; this server when absent
 */
public record PushRequest(String agent, String msgType, String fromUser, String content, String event,
		String changeType, String userId, String name, String eventKey, String msgId, Long createTime,
		Map<String, String> elements, String target) {
}

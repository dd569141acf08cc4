package dev.wxwork.api.school;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** School notifications to parents and students (家校消息推送). */
@HttpExchange("/cgi-bin/externalcontact/message")
public interface SchoolNotificationApi {

	/** Sends a school notification to parents, students or classes (doc 92321). */
	@WeComDoc("92321")
	@WeComCall(Idempotency.DUPLICATE_CHECKED)
	@PostExchange("/send")
	SchoolNotificationResult send(@RequestBody SchoolNotification notification);

}

package dev.wxwork.api.linkedcorp;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** App messages to members of linked corps (互联企业消息推送). */
@HttpExchange("/cgi-bin/linkedcorp/message")
public interface LinkedCorpMessageApi {

	/** Sends an app message to members, departments or tags of linked corps (doc 90250). */
	@WeComDoc("90250")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/send")
	LinkedCorpSendResult send(@RequestBody LinkedCorpMessage message);

}

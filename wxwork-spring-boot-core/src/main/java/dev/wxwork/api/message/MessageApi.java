package dev.wxwork.api.message;

import java.util.Map;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/**
 * The app message endpoints as WeCom declares them; callers use {@link AppMessages}, which fills in
 * the app's {@code agentid}, so this interface is not public.
 */
@HttpExchange("/cgi-bin/message")
interface MessageApi {

	/** Sends an app message (doc 90236). */
	@WeComDoc("90236")
	@WeComCall(Idempotency.DUPLICATE_CHECKED)
	@PostExchange("/send")
	SendResult send(@RequestBody AppMessage message);

	/** Recalls a message sent in the last 24 hours (doc 94867). */
	@WeComDoc("94867")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/recall")
	void recall(@RequestBody Map<String, String> msgid);

	/** Updates a template card already sent (doc 94888). */
	@WeComDoc("94888")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update_template_card")
	TemplateCardUpdateResult updateTemplateCard(@RequestBody TemplateCardUpdate update);

}

package dev.wxwork.sample.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.wxwork.webhook.WxWorkWebhook;

/**
 * {@code POST /webhooks/ops} with {@code {"markdown":"…"}}: posts that markdown to the group of robot
 * {@code ops}. 200 when WeCom accepted it, 502 with {@code errcode} and {@code errmsg} when WeCom
 * refused it (45009 beyond 20 messages a minute; see {@code WeComErrorAdvice}), 400 when the library refused it before sending.
 */
@RestController
class OpsWebhookController {

	private final WxWorkWebhook ops;

	OpsWebhookController(@Qualifier("ops") WxWorkWebhook ops) {
		this.ops = ops;
	}

	@PostMapping("/webhooks/ops")
	Map<String, Object> send(@RequestBody SendMarkdownRequest request) {
		this.ops.sendMarkdown(request.markdown());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("errcode", 0);
		answer.put("errmsg", "ok");
		return answer;
	}

	/** Empty or longer than WeCom's 4096 bytes: refused before sending. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	/** The request body. */
	record SendMarkdownRequest(String markdown) {
	}

}

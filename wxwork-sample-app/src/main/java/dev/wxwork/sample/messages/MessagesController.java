package dev.wxwork.sample.messages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;

/**
 * {@code POST /messages}: sends a text app message through the {@code demo} app. WeCom's answer comes
 * back as 200 with {@code msgid} and {@code invaliduser}; a WeCom error as 502 with its
 * {@code errcode} and {@code errmsg} ({@code WeComErrorAdvice}).
 */
@RestController
class MessagesController {

	private final WxWorkAgent demo;

	MessagesController(@Qualifier("demo") WxWorkAgent demo) {
		this.demo = demo;
	}

	@PostMapping("/messages")
	ResponseEntity<Map<String, Object>> send(@RequestBody SendTextRequest request) {
		if (request.toUser() == null || request.toUser().isBlank()) {
			// The library refuses a message without recipients before calling WeCom.
			return ResponseEntity.badRequest().body(Map.of("error", "toUser is required"));
		}
		SendResult result = this.demo.messages()
			.send(AppMessage.text(request.content()).toUsers(request.toUser().split("\\|")).build());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("msgid", result.msgid());
		answer.put("invaliduser", result.invalidUsers());
		return ResponseEntity.ok(answer);
	}

}

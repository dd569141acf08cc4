package dev.wxwork.sample.messages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.SendResult;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;

/**
 * {@code POST /messages}: sends a text app message through the {@code demo} app. WeCom's answer comes
 * back as 200 with {@code msgid} and {@code invaliduser}; a WeCom error as 502 with its
 * {@code errcode} and {@code errmsg}.
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

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> weComError(WxWorkApiException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", ex.getErrcode());
		body.put("errmsg", ex.getErrmsg());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
	}

	/** WeCom unreachable or answering garbage: still a bad gateway, without an errcode. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> weComUnavailable(WxWorkException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", null);
		body.put("errmsg", ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
	}

}

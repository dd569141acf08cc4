package dev.wxwork.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;

/**
 * How the sample's controllers that call WeCom ({@code POST /messages}, {@code POST /webhooks/ops})
 * answer its failures: 502 with WeCom's {@code errcode} and {@code errmsg}.
 */
@RestControllerAdvice(basePackages = { "dev.wxwork.sample.messages", "dev.wxwork.sample.webhooks" })
class WeComErrorAdvice {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> weComError(WxWorkApiException ex) {
		return badGateway(ex.getErrcode(), ex.getErrmsg());
	}

	/** WeCom unreachable or answering garbage: still a bad gateway, without an errcode. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> weComUnavailable(WxWorkException ex) {
		return badGateway(null, ex.getMessage());
	}

	private static ResponseEntity<Map<String, Object>> badGateway(Integer errcode, String errmsg) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", errcode);
		body.put("errmsg", errmsg);
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
	}

}

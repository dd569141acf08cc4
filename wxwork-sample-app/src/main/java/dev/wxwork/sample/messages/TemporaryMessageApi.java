package dev.wxwork.sample.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Stand-in for the library's app message API until it is merged. */
@HttpExchange("/cgi-bin/message")
interface TemporaryMessageApi {

	@PostExchange("/send")
	Result send(@RequestBody Text message);

	record Text(@JsonProperty("touser") String toUser, String msgtype, long agentid, Content text) {
	}

	record Content(String content) {
	}

	record Result(@JsonProperty("invaliduser") String invalidUser, String msgid) {
	}

}

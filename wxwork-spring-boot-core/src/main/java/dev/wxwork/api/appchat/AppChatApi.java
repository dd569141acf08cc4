package dev.wxwork.api.appchat;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Group chats an app creates and posts to (群聊会话). */
@HttpExchange("/cgi-bin/appchat")
public interface AppChatApi {

	/** Creates a group chat of 2 to 2000 members and answers its chatid (doc 90245). */
	@WeComDoc("90245")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/create")
	CreatedAppChat create(@RequestBody NewAppChat chat);

	/** Renames a group chat, changes its owner, adds or removes members (doc 90246). */
	@WeComDoc("90246")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update")
	void update(@RequestBody AppChatUpdate update);

	/** A group chat the app created (doc 90247). */
	@WeComDoc("90247")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	AppChatInfo get(@RequestParam("chatid") String chatid);

	/** Posts a message to a group chat the app created (doc 90248). */
	@WeComDoc("90248")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/send")
	void send(@RequestBody AppChatMessage message);

	/** The answer of appchat/create. */
	record CreatedAppChat(String chatid) {
	}

	/** The answer of appchat/get. */
	record AppChatInfo(AppChat chatInfo) {
	}

}

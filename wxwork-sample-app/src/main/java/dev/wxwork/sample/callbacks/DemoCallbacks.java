package dev.wxwork.sample.callbacks;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.OnOtherCallbacks;
import dev.wxwork.callback.WxWorkCallback;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DeleteUserEvent;
import dev.wxwork.callback.event.UpdateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;

/**
 * The demo app's callbacks at {@code /wxwork/demo/callback}: an echo bot for text messages, a record
 * of member changes, and every other callback noted in {@link CallbackLog}. The library has already
 * checked the signature and the timestamp, decrypted, and dropped WeCom's retries when these run.
 */
@WxWorkCallback(agent = "demo")
class DemoCallbacks {

	private static final Log logger = LogFactory.getLog(DemoCallbacks.class);

	private final CallbackLog log;

	DemoCallbacks(CallbackLog log) {
		this.log = log;
	}

	/** Answers a text message with a passive reply of the same text. */
	@OnMessage
	Reply echo(TextMessage message, CallbackMessage callback) {
		this.log.record(callback);
		return Reply.text("echo: " + message.content());
	}

	/**
	 * Welcomes a new member through the demo app, durably and after the acknowledgement: with Redis the
	 * callback is stored in a stream before WeCom gets its 200, and any instance sends the welcome, even
	 * when the one that took the callback died. It may run twice (at least once), so it does nothing
	 * that a second run would make wrong; a failed send is retried by the library.
	 */
	@OnEvent(async = true)
	void memberCreated(CreateUserEvent event, CallbackMessage callback, WxWorkAgent demo) {
		String name = (event.name() != null && !event.name().isBlank()) ? event.name() : event.userId();
		demo.messages().send(AppMessage.text("welcome, " + name).toUsers(event.userId()).build());
		// recorded once handled: a failed send is retried, and would otherwise be listed once per attempt
		this.log.record(callback);
		logger.info("Member created and welcomed: " + event.userId());
	}

	@OnEvent
	void memberUpdated(UpdateUserEvent event, CallbackMessage callback) {
		this.log.record(callback);
		logger.info("Member updated: " + event.userId()
				+ ((event.newUserId() != null) ? ", now " + event.newUserId() : ""));
	}

	@OnEvent
	void memberDeleted(DeleteUserEvent event, CallbackMessage callback) {
		this.log.record(callback);
		logger.info("Member deleted: " + event.userId());
	}

	/** Every other message and event, known to the library or not: noted, no reply. */
	@OnOtherCallbacks
	void anythingElse(CallbackMessage callback) {
		this.log.record(callback);
	}

}

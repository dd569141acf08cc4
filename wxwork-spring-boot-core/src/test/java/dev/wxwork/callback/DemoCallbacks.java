package dev.wxwork.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.ChangeContactEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DeleteUserEvent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.event.UpdateUserEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;

// The example of docs/callbacks.md ("Write handlers"): the guide shows the region below, character for
// character (with four spaces for each tab), which DocumentationSnippetsTest checks;
// CallbacksGuideExampleTest runs it.
// tag::snippet[]
@WxWorkCallback(agent = "demo")                   // path defaults to /wxwork/demo/callback
class DemoCallbacks {

	private static final Logger log = LoggerFactory.getLogger(DemoCallbacks.class);

	@OnMessage                                    // MsgType text, from the parameter type
	Reply echo(TextMessage message) {
		return Reply.text("echo: " + message.content());
	}

	@OnEvent                                      // every change_contact event this library knows
	void contactChanged(ChangeContactEvent event, WxWorkAgent agent) {
		if (event instanceof CreateUserEvent created) {
			log.info("new member {} in {}", created.userId(), created.department());
		}
		else if (event instanceof DeleteUserEvent deleted) {
			log.info("member {} left", deleted.userId());
		}
		else {
			log.info("contacts changed: {}", event.changeType());
		}
	}

	@OnEvent(value = "change_contact", changeType = "update_user")   // wins over the family handler above
	void memberUpdated(UpdateUserEvent event) {
		log.info("member {} updated", event.userId());
	}

	@OnEvent("click")                             // or: @OnEvent void clicked(MenuClickEvent click)
	Reply clicked(MenuClickEvent click, CallbackMessage raw) {
		return Reply.text("you clicked " + click.eventKey());
	}

	@OnEvent(value = "click", eventKey = "order_*")   // one EventKey, or (ending with *) every one it starts
	Reply orderMenu(MenuClickEvent click) {
		return Reply.text("orders: " + click.eventKey().substring("order_".length()));
	}

	@OnOtherCallbacks                             // everything no other handler takes, unknown types included
	void other(CallbackMessage message) {
		log.info("{} {}", message.key(), message.asMap());
	}
}
// end::snippet[]

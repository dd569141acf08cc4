package dev.wxwork.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.SysApprovalChangeEvent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;

// The README's callback example: the README shows the region below, character for character (with
// four spaces for each tab), which DocumentationSnippetsTest checks; ReadmeCallbackExampleTest runs it.
// tag::snippet[]
@WxWorkCallback(agent = "sales")                 // serves /wxwork/sales/callback
class SalesCallbacks {

	private static final Logger log = LoggerFactory.getLogger(SalesCallbacks.class);

	@OnMessage
	Reply echo(TextMessage message) {
		return Reply.text("echo: " + message.content());
	}

	@OnEvent(value = "change_contact", changeType = "create_user")
	void memberCreated(CreateUserEvent event, WxWorkAgent agent) {
		log.info("new member {} in departments {} of app {}", event.userId(), event.department(), agent.name());
	}

	@OnEvent(async = true)                      // acknowledged at once, run after: for slow work
	void approvalChanged(SysApprovalChangeEvent event) {
		log.info("approval {} is now in status {}", event.approvalInfo().spNo(), event.approvalInfo().spStatus());
	}

	@OnOtherCallbacks                           // anything else, every field readable
	void other(CallbackMessage raw) {
		log.info("{} from {}: {}", raw.key(), raw.fromUserName(), raw.get("EventKey"));
	}
}
// end::snippet[]

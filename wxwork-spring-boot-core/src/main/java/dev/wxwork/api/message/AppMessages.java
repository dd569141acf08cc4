package dev.wxwork.api.message;

import java.util.Map;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.WeComDoc;

/**
 * App messages of one app (消息推送, doc 90235): {@code agent.messages().send(AppMessage.text("hi")
 * .toUsers("zhangsan").build())}. The app's {@code agentid} is filled in here, so messages and
 * updates never repeat it.
 */
public final class AppMessages {

	private final MessageApi api;

	private final long agentId;

	private AppMessages(MessageApi api, long agentId) {
		this.api = api;
		this.agentId = agentId;
	}

	/** The app messages of this agent; fails when it has no AgentId, since WeCom needs one to send. */
	public static AppMessages of(WxWorkAgent agent) {
		return new AppMessages(agent.api(MessageApi.class), agent.requireAgentId());
	}

	/** Sends an app message (doc 90236); WeCom allows 30 a minute to the same member and drops the rest. */
	@WeComDoc(value = "90236", path = "/cgi-bin/message/send")
	public SendResult send(AppMessage message) {
		return this.api.send(message.withAgentId(this.agentId));
	}

	/** Recalls a message sent in the last 24 hours, by the {@code msgid} its send result carried (doc 94867). */
	@WeComDoc(value = "94867", path = "/cgi-bin/message/recall")
	public void recall(String msgid) {
		this.api.recall(Map.of("msgid", msgid));
	}

	/** Updates the buttons or the whole of a template card already sent (doc 94888). */
	@WeComDoc(value = "94888", path = "/cgi-bin/message/update_template_card")
	public TemplateCardUpdateResult updateTemplateCard(TemplateCardUpdate update) {
		return this.api.updateTemplateCard(update.withAgentId(this.agentId));
	}

	@Override
	public String toString() {
		return "AppMessages[agentId=" + this.agentId + "]";
	}

}

package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * Answers a template card click ({@code template_card_event}) by replacing the clicked button's text,
 * for the member who clicked ({@code update_button}, doc 90241).
 *
 * @param replaceName the text shown instead of the button, such as "已同意"
 */
public record TemplateCardButtonUpdateReply(String replaceName) implements Reply {

	@Override
	public String msgType() {
		return "update_button";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		xml.append("<Button>");
		CallbackXml.appendText(xml, "ReplaceName", this.replaceName);
		xml.append("</Button>");
	}

}

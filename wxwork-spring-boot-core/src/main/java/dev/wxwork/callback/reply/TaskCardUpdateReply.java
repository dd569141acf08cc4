package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * Answers a task card click ({@code taskcard_click}) by replacing the card's buttons with a label,
 * for the member who clicked ({@code update_taskcard}, doc 90241).
 *
 * @param replaceName the label shown instead of the buttons, such as "已处理"
 */
public record TaskCardUpdateReply(String replaceName) implements Reply {

	@Override
	public String msgType() {
		return "update_taskcard";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		xml.append("<TaskCard>");
		CallbackXml.appendText(xml, "ReplaceName", this.replaceName);
		xml.append("</TaskCard>");
	}

}

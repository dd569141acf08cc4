package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * A text reply (doc 90241).
 *
 * @param content the text; WeCom takes up to 2048 bytes
 */
public record TextReply(String content) implements Reply {

	@Override
	public String msgType() {
		return "text";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		CallbackXml.appendText(xml, "Content", this.content);
	}

}

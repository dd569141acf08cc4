package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * A video reply (doc 90241).
 *
 * @param mediaId the media id, from the media upload API
 * @param title the title, or null
 * @param description the description, or null
 */
public record VideoReply(String mediaId, String title, String description) implements Reply {

	@Override
	public String msgType() {
		return "video";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		xml.append("<Video>");
		CallbackXml.appendText(xml, "MediaId", this.mediaId);
		if (this.title != null) {
			CallbackXml.appendText(xml, "Title", this.title);
		}
		if (this.description != null) {
			CallbackXml.appendText(xml, "Description", this.description);
		}
		xml.append("</Video>");
	}

}

package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * A image reply (doc 90241).
 *
 * @param mediaId the media id, from the media upload API
 */
public record ImageReply(String mediaId) implements Reply {

	@Override
	public String msgType() {
		return "image";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		xml.append("<Image>");
		CallbackXml.appendText(xml, "MediaId", this.mediaId);
		xml.append("</Image>");
	}

}

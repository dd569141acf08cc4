package dev.wxwork.callback.reply;

import dev.wxwork.crypto.CallbackXml;

/**
 * A voice reply (doc 90241).
 *
 * @param mediaId the media id, from the media upload API
 */
public record VoiceReply(String mediaId) implements Reply {

	@Override
	public String msgType() {
		return "voice";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		xml.append("<Voice>");
		CallbackXml.appendText(xml, "MediaId", this.mediaId);
		xml.append("</Voice>");
	}

}

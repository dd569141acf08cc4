package dev.wxwork.crypto;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A message sealed the way WeCom seals callbacks and expects passive replies: the ciphertext and the
 * signature, timestamp and nonce that go with it.
 *
 * @param encrypt the base64 ciphertext ({@code Encrypt})
 * @param signature the {@code msg_signature}
 * @param timestamp the {@code timestamp}, seconds since the epoch
 * @param nonce the {@code nonce}
 */
public record SealedMessage(String encrypt, String signature, String timestamp, String nonce) {

	/** The body of a passive reply: {@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}. */
	public String replyXml() {
		StringBuilder xml = new StringBuilder(this.encrypt.length() + 200).append("<xml>");
		CallbackXml.appendText(xml, "Encrypt", this.encrypt);
		CallbackXml.appendText(xml, "MsgSignature", this.signature);
		xml.append("<TimeStamp>").append(this.timestamp).append("</TimeStamp>");
		CallbackXml.appendText(xml, "Nonce", this.nonce);
		return xml.append("</xml>").toString();
	}

	/** The body WeCom POSTs to a callback URL: {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}. */
	public String callbackXml(String toUserName, Long agentId) {
		StringBuilder xml = new StringBuilder(this.encrypt.length() + 200).append("<xml>");
		CallbackXml.appendText(xml, "ToUserName", toUserName);
		if (agentId != null) {
			CallbackXml.appendNumber(xml, "AgentID", agentId);
		}
		CallbackXml.appendText(xml, "Encrypt", this.encrypt);
		return xml.append("</xml>").toString();
	}

	/** The query string WeCom adds to a POSTed callback: {@code msg_signature=…&timestamp=…&nonce=…}. */
	public String callbackQuery() {
		return "msg_signature=" + encode(this.signature) + "&timestamp=" + encode(this.timestamp) + "&nonce="
				+ encode(this.nonce);
	}

	/** The query string of WeCom's URL verification GET, with this ciphertext as the {@code echostr}. */
	public String verificationQuery() {
		return callbackQuery() + "&echostr=" + encode(this.encrypt);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

package dev.wxwork.bot;

/**
 * An image message ({@code msgtype} image), single chats only.
 *
 * @param url where the image is for 5 minutes, encrypted with the bot's key (or the message's {@code aeskey})
 * @param aesKey the per-message key of the long-connection mode, or null in callback mode
 */
public record BotImageMessage(String url, String aesKey) implements BotPayload {

	@Override
	public String toString() {
		return "BotImageMessage[url=" + this.url + "]";
	}

}

package dev.wxwork.bot;

/**
 * A file message ({@code msgtype} file), single chats only, up to 100 MB.
 *
 * @param url where the file is for 5 minutes, encrypted with the bot's key (or the message's {@code aeskey})
 * @param aesKey the per-message key of the long-connection mode, or null in callback mode
 */
public record BotFileMessage(String url, String aesKey) implements BotPayload {

	@Override
	public String toString() {
		return "BotFileMessage[url=" + this.url + "]";
	}

}

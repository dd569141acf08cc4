package dev.wxwork.bot;

import java.util.List;

/**
 * A message of text and images ({@code msgtype} mixed).
 *
 * @param items the parts in order: {@link BotTextMessage} and {@link BotImageMessage}
 */
public record BotMixedMessage(List<BotPayload> items) implements BotPayload {

	public BotMixedMessage {
		items = List.copyOf(items);
	}

}

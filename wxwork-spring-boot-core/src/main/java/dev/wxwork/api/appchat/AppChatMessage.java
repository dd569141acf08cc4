package dev.wxwork.api.appchat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.wxwork.api.message.MessageContent;

/**
 * A message to a group chat (doc 90248).
 * @param safe 1 to mark it confidential (not forwardable, watermarked); text, image, video, file,
 * textcard and mpnews only
 */
public record AppChatMessage(String chatid, @JsonUnwrapped MessageContent content, Integer safe) {

	/** A message to this chat. */
	public static AppChatMessage of(String chatid, MessageContent content) {
		return new AppChatMessage(chatid, content, null);
	}

	/** The same message, marked confidential. */
	public AppChatMessage confidential() {
		return new AppChatMessage(this.chatid, this.content, 1);
	}

}

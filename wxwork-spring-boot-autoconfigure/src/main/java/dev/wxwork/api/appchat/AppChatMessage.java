package dev.wxwork.api.appchat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wxwork.api.message.MessageContent;

/**
 * A message to a group chat (doc 90248).
 * @param safe 1 to mark it confidential (not forwardable, watermarked); text, image, video, file,
 * textcard and mpnews only
 */
public record AppChatMessage(String chatid, @JsonIgnore MessageContent content, Integer safe) {

	/** A message to this chat. */
	public static AppChatMessage of(String chatid, MessageContent content) {
		return new AppChatMessage(chatid, content, null);
	}

	/** The same message, marked confidential. */
	public AppChatMessage confidential() {
		return new AppChatMessage(this.chatid, this.content, 1);
	}

	@JsonProperty("msgtype")
	String msgtype() {
		return this.content.msgtype();
	}

	@JsonAnyGetter
	Map<String, Object> contentField() {
		return Map.of(this.content.msgtype(), this.content.body());
	}

}

package dev.wxwork.api.externalcontact;

/** The text part of a customer message, welcome message or moment. */
public record Text(String content) {

	/** A text with this content. */
	public static Text of(String content) {
		return new Text(content);
	}

}

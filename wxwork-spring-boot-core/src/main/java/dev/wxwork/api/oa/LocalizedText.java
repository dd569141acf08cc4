package dev.wxwork.api.oa;

/** A text in a language ({@code zh_CN}, {@code en}), as approval templates carry them. */
public record LocalizedText(String text, String lang) {

	/** A Chinese text. */
	public static LocalizedText zh(String text) {
		return new LocalizedText(text, "zh_CN");
	}

}

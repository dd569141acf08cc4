package dev.wxwork.callback.event;

/**
 * A custom attribute of a member (doc 90970).
 *
 * @param name the attribute's name
 * @param type 0 text, 1 web page
 * @param text the value of a text attribute
 * @param web the value of a web page attribute
 */
public record ExtAttr(String name, Integer type, Text text, Web web) {

	/**
	 * A text value.
	 *
	 * @param value the text
	 */
	public record Text(String value) {
	}

	/**
	 * A web page value.
	 *
	 * @param title the title shown
	 * @param url the page
	 */
	public record Web(String title, String url) {
	}

}

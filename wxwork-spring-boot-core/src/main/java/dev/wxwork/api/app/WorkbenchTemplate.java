package dev.wxwork.api.app;

import java.util.List;

/**
 * What an app shows on the workbench (doc 92535): a {@code type} ({@code keydata}, {@code image},
 * {@code list}, {@code webview} or {@code normal}) and the content of that type.
 * @param replaceUserData whether this template replaces data already set per member
 */
public record WorkbenchTemplate(Long agentid, String type, KeyData keydata, Image image, ItemList list,
		Webview webview, Boolean replaceUserData) {

	/** A template of up to 4 key figures. */
	public static WorkbenchTemplate keyData(long agentid, List<KeyDataItem> items) {
		return new WorkbenchTemplate(agentid, "keydata", new KeyData(items), null, null, null, null);
	}

	/** A template showing an image. */
	public static WorkbenchTemplate image(long agentid, Image image) {
		return new WorkbenchTemplate(agentid, "image", null, image, null, null, null);
	}

	/** A template of up to 3 list items. */
	public static WorkbenchTemplate list(long agentid, List<ListItem> items) {
		return new WorkbenchTemplate(agentid, "list", null, null, new ItemList(items), null, null);
	}

	/** A template embedding a web page. */
	public static WorkbenchTemplate webview(long agentid, Webview webview) {
		return new WorkbenchTemplate(agentid, "webview", null, null, null, webview, null);
	}

	/** The same template, replacing (or not) the data set per member. */
	public WorkbenchTemplate withReplaceUserData(boolean replace) {
		return new WorkbenchTemplate(this.agentid, this.type, this.keydata, this.image, this.list, this.webview,
				replace);
	}

	/** Up to 4 key figures. */
	public record KeyData(List<KeyDataItem> items) {
	}

	/** A key figure and where tapping it leads. */
	public record KeyDataItem(String key, String data, String jumpUrl, String pagepath) {
	}

	/** An image and where tapping it leads. */
	public record Image(String url, String jumpUrl, String pagepath) {
	}

	/** Up to 3 list items. */
	public record ItemList(List<ListItem> items) {
	}

	/** A list item and where tapping it leads. */
	public record ListItem(String title, String jumpUrl, String pagepath) {
	}

	/** A web page embedded in the workbench; {@code height} is {@code single_row} or {@code double_row}. */
	public record Webview(String url, String jumpUrl, String pagepath, String height, Boolean hideTitle) {
	}

}

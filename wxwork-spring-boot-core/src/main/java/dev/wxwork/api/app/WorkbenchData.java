package dev.wxwork.api.app;

import java.util.List;

import dev.wxwork.api.app.WorkbenchTemplate.Image;
import dev.wxwork.api.app.WorkbenchTemplate.ItemList;
import dev.wxwork.api.app.WorkbenchTemplate.KeyData;
import dev.wxwork.api.app.WorkbenchTemplate.KeyDataItem;
import dev.wxwork.api.app.WorkbenchTemplate.ListItem;
import dev.wxwork.api.app.WorkbenchTemplate.Webview;

/** What one member's workbench shows for an app (doc 92535); the type must match the app's template. */
public record WorkbenchData(long agentid, String userid, String type, KeyData keydata, Image image, ItemList list,
		Webview webview) {

	/** Key figures for one member's workbench. */
	public static WorkbenchData keyData(long agentid, String userid, List<KeyDataItem> items) {
		return new WorkbenchData(agentid, userid, "keydata", new KeyData(items), null, null, null);
	}

	/** An image for one member's workbench. */
	public static WorkbenchData image(long agentid, String userid, Image image) {
		return new WorkbenchData(agentid, userid, "image", null, image, null, null);
	}

	/** List items for one member's workbench. */
	public static WorkbenchData list(long agentid, String userid, List<ListItem> items) {
		return new WorkbenchData(agentid, userid, "list", null, null, new ItemList(items), null);
	}

	/** A web page for one member's workbench. */
	public static WorkbenchData webview(long agentid, String userid, Webview webview) {
		return new WorkbenchData(agentid, userid, "webview", null, null, null, webview);
	}

}

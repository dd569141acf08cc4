package dev.wxwork.api.app;

import java.util.List;

/**
 * A menu button (doc 90231): either a group of up to 5 {@code subButton}s, or an action of a
 * {@code type} ({@code click}, {@code view}, {@code scancode_push}, {@code scancode_waitmsg},
 * {@code pic_sysphoto}, {@code pic_photo_or_album}, {@code pic_weixin}, {@code location_select},
 * {@code view_miniprogram}).
 * @param key the event key a click (or scan, photo, location) event carries
 * @param url the page a {@code view} button opens
 * @param pagepath and {@code appid}: the mini program page a {@code view_miniprogram} button opens
 */
public record MenuButton(String type, String name, String key, String url, String pagepath, String appid,
		List<MenuButton> subButton) {

	/** A button that sends a {@code click} event with this key. */
	public static MenuButton click(String name, String key) {
		return new MenuButton("click", name, key, null, null, null, null);
	}

	/** A button that opens a page. */
	public static MenuButton view(String name, String url) {
		return new MenuButton("view", name, null, url, null, null, null);
	}

	/** A button that opens a mini program page. */
	public static MenuButton miniProgram(String name, String appid, String pagepath) {
		return new MenuButton("view_miniprogram", name, null, null, pagepath, appid, null);
	}

	/** A button of another event type ({@code scancode_push}, {@code pic_weixin}, {@code location_select}, ...). */
	public static MenuButton event(String type, String name, String key) {
		return new MenuButton(type, name, key, null, null, null, null);
	}

	/** A button that opens up to 5 sub-buttons. */
	public static MenuButton group(String name, MenuButton... subButtons) {
		return new MenuButton(null, name, null, null, null, null, List.of(subButtons));
	}

}

package dev.wxwork.api.app;

import java.util.List;

/** An app's menu (doc 90231): up to 3 top-level buttons. */
public record Menu(List<MenuButton> button) {

	/** A menu of these buttons. */
	public static Menu of(MenuButton... buttons) {
		return new Menu(List.of(buttons));
	}

}

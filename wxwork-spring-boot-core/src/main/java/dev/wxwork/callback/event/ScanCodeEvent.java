package dev.wxwork.callback.event;

/** A code scanned from the menu: scancode_push or scancode_waitmsg (doc 90240). */
public interface ScanCodeEvent extends WxWorkEvent {

	/** The EventKey of the menu item. */
	String eventKey();

	/** What was scanned. */
	ScanCodeInfo scanCodeInfo();

}

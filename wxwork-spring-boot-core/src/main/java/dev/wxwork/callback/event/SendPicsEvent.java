package dev.wxwork.callback.event;

/** Pictures sent from the menu: pic_sysphoto, pic_photo_or_album or pic_weixin (doc 90240). */
public interface SendPicsEvent extends WxWorkEvent {

	/** The EventKey of the menu item. */
	String eventKey();

	/** The pictures sent. */
	SendPicsInfo sendPicsInfo();

}

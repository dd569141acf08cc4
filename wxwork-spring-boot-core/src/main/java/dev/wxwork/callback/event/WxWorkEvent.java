package dev.wxwork.callback.event;

import dev.wxwork.callback.message.WxWorkMessage;

/** An event: a message with MsgType {@code event} (doc 90240). */
public interface WxWorkEvent extends WxWorkMessage {

	/** The Event, such as click or change_contact. */
	String event();

}

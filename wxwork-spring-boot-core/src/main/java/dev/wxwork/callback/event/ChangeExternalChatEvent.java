package dev.wxwork.callback.event;

/**
 * A change of a customer group, Event change_external_chat (doc 92130). A handler taking this type receives every change of this kind whose ChangeType
 * this library knows; switch on the concrete type.
 */
public interface ChangeExternalChatEvent extends WxWorkEvent {

	/** The ChangeType, such as create_user. */
	String changeType();

}

package dev.wxwork.callback.event;

/**
 * A change of the customer tags, Event change_external_tag (doc 92130). A handler taking this type receives every change of this kind whose ChangeType
 * this library knows; switch on the concrete type.
 */
public interface ChangeExternalTagEvent extends WxWorkEvent {

	/** The ChangeType, such as create_user. */
	String changeType();

}

package dev.wxwork.callback.event;

/**
 * A change of a member's customers, Event change_external_contact (doc 92130). A handler taking this type receives every change of this kind whose ChangeType
 * this library knows; switch on the concrete type.
 */
public interface ChangeExternalContactEvent extends WxWorkEvent {

	/** The ChangeType, such as create_user. */
	String changeType();

}

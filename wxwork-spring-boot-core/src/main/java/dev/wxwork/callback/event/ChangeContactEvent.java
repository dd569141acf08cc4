package dev.wxwork.callback.event;

/**
 * A change of the contacts (members, departments, tags), Event change_contact (doc 90970). A handler taking this type receives every change of this kind whose ChangeType
 * this library knows; switch on the concrete type.
 */
public interface ChangeContactEvent extends WxWorkEvent {

	/** The ChangeType, such as create_user. */
	String changeType();

}

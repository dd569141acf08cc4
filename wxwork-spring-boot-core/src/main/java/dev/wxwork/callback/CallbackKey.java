package dev.wxwork.callback;

/**
 * What a callback is, as dispatch sees it: its MsgType, and for events the Event and ChangeType.
 *
 * @param msgType the MsgType
 * @param event the Event, or null for messages and for handlers of every ChangeType
 * @param changeType the ChangeType, or null
 */
public record CallbackKey(String msgType, String event, String changeType) {

	/** The key of a message type, such as {@code text}. */
	public static CallbackKey message(String msgType) {
		return new CallbackKey(msgType, null, null);
	}

	/** The key of an event, such as {@code click}. */
	public static CallbackKey event(String event) {
		return new CallbackKey("event", event, null);
	}

	/** The key of an event with a ChangeType, such as {@code change_contact} / {@code create_user}. */
	public static CallbackKey change(String event, String changeType) {
		return new CallbackKey("event", event, changeType);
	}

	/** The same key without its ChangeType. */
	CallbackKey withoutChangeType() {
		return (this.changeType == null) ? this : new CallbackKey(this.msgType, this.event, null);
	}

	@Override
	public String toString() {
		if (this.event == null) {
			return "MsgType " + this.msgType;
		}
		return "Event " + this.event + ((this.changeType != null) ? " / ChangeType " + this.changeType : "");
	}

}

package dev.wxwork.callback.message;

import java.time.Instant;

/** What every message and event a WeCom app receives carries (doc 90238). */
public interface WxWorkMessage {

	/** The corp id the message was sent to. */
	String toUserName();

	/** The member (or for some events, the system) that sent it. */
	String fromUserName();

	/** When it was sent, seconds since the epoch. */
	long createTime();

	/** The MsgType: text, image, ..., or event. */
	String msgType();

	/** The AgentID of the app; null for events that carry none (contacts). */
	Long agentId();

	/** When it was sent. */
	default Instant createdAt() {
		return Instant.ofEpochSecond(createTime());
	}

}

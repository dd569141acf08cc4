package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.callback.message.WxWorkMessage;
import dev.wxwork.crypto.CallbackXml;

/**
 * A decrypted callback as WeCom sent it, every element readable by WeCom's own name, known type or
 * not. A handler may take it next to (or instead of) the typed message.
 * <p>
 * In the tree, an element with child elements is an object, a leaf is its text, repeated elements are
 * an array, and list wrappers such as {@code PicList} are the array of their items.
 */
public final class CallbackMessage {

	// Elements that tell two events of one member in one second apart, for deduplication.
	private static final List<String> DISTINGUISHING_ELEMENTS = List.of("EventKey", "TaskId", "UserID",
			"ExternalUserID", "ChatId", "Id", "TagId", "CalId", "ScheduleId", "MeetingRoomId", "MeetingId",
			"UpdateDetail");

	private final byte[] xml;

	private final ObjectNode tree;

	private final CallbackKey key;

	private Optional<WxWorkMessage> typed;

	private String identity;

	private String bindingProblem;

	private CallbackMessage(byte[] xml, ObjectNode tree) {
		this.xml = xml;
		this.tree = tree;
		String msgType = get("MsgType");
		this.key = "event".equals(msgType) ? CallbackKey.change(get("Event"), get("ChangeType"))
				: CallbackKey.message(msgType);
	}

	/**
	 * Reads a decrypted callback (UTF-8 XML); an unknown type is read like a known one.
	 * @throws dev.wxwork.crypto.CallbackCryptoException when the XML is malformed or has a DOCTYPE
	 */
	public static CallbackMessage parse(byte[] xml) {
		return new CallbackMessage(xml, CallbackXml.read(xml));
	}

	/** Reads a decrypted callback given as text. */
	public static CallbackMessage parse(String xml) {
		return parse(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** The text of a top-level element, such as {@code get("Content")}; null when absent or not text. */
	public String get(String element) {
		JsonNode node = this.tree.get(element);
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	/** The whole message as a tree of WeCom's element names (read it, do not change it). */
	public JsonNode tree() {
		return this.tree;
	}

	/** The whole message as nested maps, lists and strings, keyed by WeCom's element names. */
	public Map<String, Object> asMap() {
		return CallbackTypes.toMap(this.tree);
	}

	/** The decrypted XML as WeCom sent it. */
	public String xml() {
		return new String(this.xml, StandardCharsets.UTF_8);
	}

	/** The MsgType: text, image, ..., event. */
	public String msgType() {
		return this.key.msgType();
	}

	/** The Event of an event, else null. */
	public String event() {
		return this.key.event();
	}

	/** The ChangeType of a change event, else null. */
	public String changeType() {
		return this.key.changeType();
	}

	/** The MsgType, Event and ChangeType together. */
	public CallbackKey key() {
		return this.key;
	}

	/** The corp id the message was sent to. */
	public String toUserName() {
		return get("ToUserName");
	}

	/** The sender's userid. */
	public String fromUserName() {
		return get("FromUserName");
	}

	/** When it was sent, seconds since the epoch; 0 when absent. */
	public long createTime() {
		String value = get("CreateTime");
		try {
			return (value != null) ? Long.parseLong(value.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The MsgId of a message; null for events. */
	public String msgId() {
		String value = get("MsgId");
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The AgentID, or null. */
	public Long agentId() {
		String value = get("AgentID");
		try {
			return (value == null || value.isBlank()) ? null : Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The typed message or event; empty when the type is unknown to this library or its fields do not bind. */
	public Optional<WxWorkMessage> typed() {
		if (this.typed == null) {
			this.typed = CallbackTypes.typeOf(this.key).flatMap(this::bind);
		}
		return this.typed;
	}

	private Optional<WxWorkMessage> bind(Class<? extends WxWorkMessage> type) {
		try {
			return Optional.of(CallbackTypes.bind(this.tree, type));
		}
		catch (JacksonException ex) {
			// only the element path: the value itself may be content that must not reach the log
			this.bindingProblem = type.getSimpleName() + " at " + ex.getPath().stream()
				.map((reference) -> String.valueOf(reference.getPropertyName()))
				.toList();
			return Optional.empty();
		}
	}

	/** Why a message of a known type did not bind to it, or null. */
	String bindingProblem() {
		return this.bindingProblem;
	}

	/**
	 * What identifies this callback among WeCom's retries of it: the MsgId of a message, else the sender,
	 * CreateTime, Event, ChangeType, the ids that tell two such events apart, and a digest of the whole
	 * message. It holds no content.
	 */
	public String identity() {
		if (this.identity == null) {
			String msgId = msgId();
			if (msgId != null) {
				this.identity = "MsgId=" + msgId;
			}
			else {
				StringBuilder identity = new StringBuilder(96).append("FromUserName=")
					.append(fromUserName())
					.append(",CreateTime=")
					.append(createTime())
					.append(",Event=")
					.append(event());
				if (changeType() != null) {
					identity.append(",ChangeType=").append(changeType());
				}
				for (String element : DISTINGUISHING_ELEMENTS) {
					appendIfPresent(identity, element, get(element));
				}
				appendIfPresent(identity, "JobId", nested("BatchJob", "JobId"));
				appendIfPresent(identity, "SpNo", nested("ApprovalInfo", "SpNo"));
				appendIfPresent(identity, "ThirdNo", nested("ApprovalInfo", "ThirdNo"));
				// Events have no MsgId, and two real ones can share all of the above (two updates of one
				// member within a second): the digest keeps them apart, while WeCom's retry of an event
				// repeats the same message and so the same digest. Better a rare duplicate than a loss.
				identity.append(",Digest=").append(digest(this.xml));
				this.identity = identity.toString();
			}
		}
		return this.identity;
	}

	private static String digest(byte[] xml) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(xml);
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	private String nested(String parent, String element) {
		JsonNode node = this.tree.get(parent);
		JsonNode child = (node != null) ? node.get(element) : null;
		return (child != null && child.isString()) ? child.stringValue() : null;
	}

	private static void appendIfPresent(StringBuilder identity, String name, String value) {
		if (value != null && !value.isEmpty()) {
			identity.append(',').append(name).append('=').append(value);
		}
	}

	@Override
	public String toString() {
		return "CallbackMessage[" + this.key + ", " + identity() + "]";
	}

}

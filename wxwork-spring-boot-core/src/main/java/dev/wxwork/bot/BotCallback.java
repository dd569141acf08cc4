package dev.wxwork.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.wxwork.client.WxWorkJson;

/**
 * One callback to a bot as WeCom sends it (docs 100719 and 101027): the envelope, the typed content
 * and the JSON it came as. Immutable.
 */
public final class BotCallback {

	private final JsonNode json;

	private final String msgType;

	private final String eventType;

	private final BotPayload payload;

	private final BotPayload quote;

	BotCallback(JsonNode json) {
		this.json = json;
		this.msgType = text(json, "msgtype");
		JsonNode event = json.path("event");
		this.eventType = "event".equals(this.msgType) ? text(event, "eventtype") : null;
		this.payload = "event".equals(this.msgType) ? event(this.eventType, event) : content(this.msgType, json);
		JsonNode quoted = json.path("quote");
		this.quote = quoted.isObject() ? content(text(quoted, "msgtype"), quoted) : null;
	}

	/**
	 * Reads a decrypted callback.
	 * @throws IllegalArgumentException when it is no JSON object with a msgtype
	 */
	public static BotCallback parse(byte[] json) {
		JsonNode tree;
		try {
			tree = WxWorkJson.mapper().readTree(json);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the callback is not JSON");
		}
		if (tree == null || !tree.isObject() || text(tree, "msgtype") == null) {
			throw new IllegalArgumentException("the callback is no JSON object with a msgtype");
		}
		return new BotCallback(tree);
	}

	private static BotPayload content(String type, JsonNode node) {
		if (type == null) {
			return null;
		}
		JsonNode body = node.path(type);
		return switch (type) {
			case "text" -> new BotTextMessage(text(body, "content"));
			case "voice" -> new BotVoiceMessage(text(body, "content"));
			case "image" -> new BotImageMessage(text(body, "url"), text(body, "aeskey"));
			case "file" -> new BotFileMessage(text(body, "url"), text(body, "aeskey"));
			case "mixed" -> {
				List<BotPayload> items = new ArrayList<>();
				for (JsonNode item : body.path("msg_item")) {
					BotPayload part = content(text(item, "msgtype"), item);
					if (part != null) {
						items.add(part);
					}
				}
				yield new BotMixedMessage(items);
			}
			default -> null;
		};
	}

	private static BotPayload event(String type, JsonNode event) {
		if (type == null) {
			return null;
		}
		JsonNode body = event.path(type);
		return switch (type) {
			case "enter_chat" -> new BotEnterChatEvent();
			case "template_card_event" -> new BotTemplateCardEvent(text(body, "card_type"), text(body, "event_key"),
					text(body, "task_id"), body);
			case "feedback_event" -> new BotFeedbackEvent(text(body, "id"), body.path("type").asInt(0),
					text(body, "content"));
			default -> null;
		};
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	/** The {@code msgid}, unique per callback (a refresh poll has its own). */
	public String msgId() {
		return text(this.json, "msgid");
	}

	/** The bot's {@code aibotid}. */
	public String botId() {
		return text(this.json, "aibotid");
	}

	/** The group's {@code chatid}, or null in a single chat. */
	public String chatId() {
		return text(this.json, "chatid");
	}

	/** {@code single} or {@code group}. */
	public String chatType() {
		return text(this.json, "chattype");
	}

	/** The sender's {@code from.userid}. */
	public String userId() {
		return text(this.json.path("from"), "userid");
	}

	/** The {@code response_url} for one later reply within an hour, or null. */
	public String responseUrl() {
		return text(this.json, "response_url");
	}

	/** The {@code msgtype}: text, image, mixed, voice, file, stream (a refresh poll) or event. */
	public String msgType() {
		return this.msgType;
	}

	/** The {@code event.eventtype} of an event, else null. */
	public String eventType() {
		return this.eventType;
	}

	/** Whether this is one of WeCom's stream refresh polls. */
	public boolean isStreamRefresh() {
		return "stream".equals(this.msgType);
	}

	/** The {@code stream.id} of a refresh poll, else null. */
	public String streamId() {
		return text(this.json.path("stream"), "id");
	}

	/** The typed content, when this library knows the msgtype or eventtype. */
	public Optional<BotPayload> payload() {
		return Optional.ofNullable(this.payload);
	}

	/** The quoted message a user replied to, when there is one ({@code quote}). */
	public Optional<BotPayload> quote() {
		return Optional.ofNullable(this.quote);
	}

	/** The whole callback as WeCom sent it. */
	public JsonNode json() {
		return this.json;
	}

	/** What is being handled, for logs: the type and the msgid, never the content. */
	@Override
	public String toString() {
		return "BotCallback[" + ((this.eventType != null) ? "event " + this.eventType : this.msgType) + ", msgid="
				+ msgId() + "]";
	}

}

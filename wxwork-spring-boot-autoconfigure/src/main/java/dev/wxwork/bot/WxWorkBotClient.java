package dev.wxwork.bot;

import java.net.URI;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.client.WxWorkTransportException;
import dev.wxwork.crypto.CallbackCrypto;

/**
 * One bot, for what it sends on its own rather than as a reply: the one active reply through a
 * callback's {@code response_url} (doc 101138), within an hour of the callback. One bean per bot under
 * {@code wxwork.bots}, injected with {@code @Qualifier("<bot name>")}.
 */
public final class WxWorkBotClient {

	private static final String PATH = "/cgi-bin/aibot/response";

	private final String name;

	private final RestClient http;

	private final String callbackAesKey;

	private volatile BotLongConnection connection;

	public WxWorkBotClient(String name, RestClient http) {
		this(name, http, null);
	}

	/**
	 * A bot client that can also decrypt the files and images of callback mode.
	 * @param callbackAesKey the bot's callback EncodingAESKey, or null without callback mode
	 */
	public WxWorkBotClient(String name, RestClient http, String callbackAesKey) {
		this.name = name;
		this.http = http;
		this.callbackAesKey = callbackAesKey;
	}

	/** Downloads and decrypts a file a user sent the bot (its URL lasts 5 minutes); see {@link #download(String, String)}. */
	public byte[] download(BotFileMessage file) {
		return download(file.url(), file.aesKey());
	}

	/** Downloads and decrypts an image a user sent the bot (its URL lasts 5 minutes); see {@link #download(String, String)}. */
	public byte[] download(BotImageMessage image) {
		return download(image.url(), image.aesKey());
	}

	/**
	 * Downloads and decrypts a file, image or video a user sent the bot (doc 100719).
	 * @param url the message's URL (valid for 5 minutes)
	 * @param aesKey the message's own {@code aeskey} (long connection), or null for callback mode, where the
	 * bot's callback EncodingAESKey decrypts it
	 * @throws WxWorkTransportException when the download fails (the URL is not quoted: it is a credential)
	 * @throws IllegalStateException when the message has no key and the bot has no callback key
	 * @throws dev.wxwork.crypto.CallbackCryptoException when the content does not decrypt
	 */
	public byte[] download(String url, String aesKey) {
		String key = (aesKey != null && !aesKey.isBlank()) ? aesKey : this.callbackAesKey;
		if (key == null) {
			throw new IllegalStateException("Bot '" + this.name + "' has no key for this file: the message carries no "
					+ "aeskey and wxwork.bots." + this.name + ".callback.encoding-aes-key is not set");
		}
		byte[] encrypted;
		try {
			encrypted = this.http.get().uri(uri(url, "file URL")).retrieve().body(byte[].class);
		}
		catch (RestClientException ex) {
			throw new WxWorkTransportException("The download of a file sent to bot '" + this.name + "' failed ("
					+ ex.getClass().getSimpleName() + ")", null, false);
		}
		return CallbackCrypto.decryptFile(key, (encrypted != null) ? encrypted : new byte[0]);
	}

	/** The bot's long connection, for active sends; set at startup when the bot has a {@code bot-id}. */
	void useConnection(BotLongConnection connection) {
		this.connection = connection;
	}

	/**
	 * Sends Markdown (at most 20480 bytes) to a conversation on the bot's own initiative
	 * ({@code aibot_send_msg} over the long connection); only to a chat where a user has written to the bot.
	 * @param chatId the user id of a single chat, or the chat id of a group
	 * @throws WxWorkApiException when WeCom refuses it (not sent)
	 * @throws WxWorkTransportException when WeCom did not answer in time (it may have been sent)
	 * @throws IllegalStateException when the bot has no open long connection on this instance
	 */
	public void sendMarkdown(String chatId, String markdown) {
		Objects.requireNonNull(markdown, "markdown");
		ObjectNode body = activeSend(chatId, "markdown");
		body.putObject("markdown").put("content", markdown);
		send(body);
	}

	/** Sends a template card to a conversation on the bot's own initiative ({@code aibot_send_msg}); see {@link #sendMarkdown}. */
	public void sendTemplateCard(String chatId, Object card) {
		Objects.requireNonNull(card, "card");
		ObjectNode body = activeSend(chatId, "template_card");
		body.set("template_card", WxWorkJson.mapper().valueToTree(card));
		send(body);
	}

	private static ObjectNode activeSend(String chatId, String msgType) {
		Objects.requireNonNull(chatId, "chatId");
		return WxWorkJson.mapper().createObjectNode().put("chatid", chatId).put("msgtype", msgType);
	}

	private void send(ObjectNode body) {
		BotLongConnection current = this.connection;
		if (current == null) {
			throw new IllegalStateException("Bot '" + this.name + "' has no long connection: set wxwork.bots." + this.name
					+ ".bot-id and .secret");
		}
		JsonNode answer;
		try {
			answer = current.request("aibot_send_msg", body);
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw new WxWorkTransportException("The active send of bot '" + this.name + "' got no answer ("
					+ ex.getCause().getClass().getSimpleName() + "); it may have been sent", ex.getCause());
		}
		int errcode = answer.path("errcode").asInt(-1);
		if (errcode != 0) {
			throw new WxWorkApiException(errcode, answer.path("errmsg").asString(""), "aibot_send_msg");
		}
	}

	/** The bot's name under {@code wxwork.bots}. */
	public String name() {
		return this.name;
	}

	/**
	 * Replies once through a callback's {@code response_url} with Markdown (at most 20480 bytes; in a group
	 * the reply quotes the user's message).
	 * @throws WxWorkApiException when WeCom refuses it (the reply was not sent)
	 * @throws WxWorkTransportException when WeCom could not be reached or answered no WeCom JSON; the reply
	 * may have been sent, and a response_url takes one reply only, so do not send it again blindly
	 */
	public void replyMarkdown(String responseUrl, String markdown) {
		Objects.requireNonNull(markdown, "markdown");
		ObjectNode body = WxWorkJson.mapper().createObjectNode().put("msgtype", "markdown");
		body.putObject("markdown").put("content", markdown);
		post(responseUrl, body);
	}

	/** Replies once through a callback's {@code response_url} with a template card (single chats only). */
	public void replyTemplateCard(String responseUrl, Object card) {
		Objects.requireNonNull(card, "card");
		ObjectNode body = WxWorkJson.mapper().createObjectNode().put("msgtype", "template_card");
		body.set("template_card", WxWorkJson.mapper().valueToTree(card));
		post(responseUrl, body);
	}

	private void post(String responseUrl, ObjectNode body) {
		URI uri = uri(responseUrl, "response_url");
		String answer;
		try {
			answer = this.http.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.body(WxWorkJson.mapper().writeValueAsString(body))
				.retrieve()
				.body(String.class);
		}
		catch (RestClientException ex) {
			// the URL carries a one-time response_code: never in the message
			throw new WxWorkTransportException("The response_url reply of bot '" + this.name + "' failed ("
					+ ex.getClass().getSimpleName() + "); it may have been sent", ex);
		}
		JsonNode result;
		try {
			result = WxWorkJson.mapper().readTree((answer != null) ? answer : "");
		}
		catch (RuntimeException ex) {
			result = null;
		}
		if (result == null || !result.isObject() || !result.path("errcode").isNumber()) {
			throw new WxWorkTransportException("The response_url reply of bot '" + this.name
					+ "' got an answer that is no WeCom JSON; it may have been sent", null);
		}
		int errcode = result.path("errcode").asInt();
		if (errcode != 0) {
			throw new WxWorkApiException(errcode, result.path("errmsg").asString(""), PATH);
		}
	}

	private static URI uri(String url, String what) {
		URI uri;
		try {
			uri = URI.create(Objects.requireNonNull(url, what));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The " + what + " is no URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException("The " + what + " must be an http(s) URL");
		}
		return uri;
	}

	@Override
	public String toString() {
		return "WxWorkBotClient[" + this.name + "]";
	}

}

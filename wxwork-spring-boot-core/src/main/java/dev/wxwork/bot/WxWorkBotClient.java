package dev.wxwork.bot;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

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

	/**
	 * Sends a file uploaded with {@link #uploadMedia} to a conversation on the bot's own initiative
	 * ({@code aibot_send_msg}); see {@link #sendMarkdown}.
	 */
	public void sendFile(String chatId, String mediaId) {
		sendMedia(chatId, "file", mediaId);
	}

	/** Sends an image uploaded with {@link #uploadMedia}; see {@link #sendFile}. */
	public void sendImage(String chatId, String mediaId) {
		sendMedia(chatId, "image", mediaId);
	}

	private void sendMedia(String chatId, String type, String mediaId) {
		Objects.requireNonNull(mediaId, "mediaId");
		ObjectNode body = activeSend(chatId, type);
		body.putObject(type).put("media_id", mediaId);
		send(body);
	}

	/** The most bytes of one upload chunk, before base64. */
	public static final int MAX_CHUNK_SIZE = 512 * 1024;

	/** The most chunks of one upload. */
	public static final int MAX_CHUNKS = 100;

	/** The largest content {@link #uploadMedia} takes: {@value #MAX_CHUNKS} chunks of 512 KB (50 MB). */
	public static final long MAX_UPLOAD_SIZE = (long) MAX_CHUNK_SIZE * MAX_CHUNKS;

	private static final Set<String> MEDIA_TYPES = Set.of("file", "image", "voice", "video");

	/**
	 * Uploads a temporary media (valid 3 days) over the long connection, in chunks:
	 * {@code aibot_upload_media_init} with the size, chunk count and MD5, then one
	 * {@code aibot_upload_media_chunk} per 512 KB (before base64), then {@code aibot_upload_media_finish}.
	 * Chunks are numbered from 1, as in the doc's example and the SDK's types (the SDK's code sends 0..n-1).
	 * WeCom allows 30 uploads a minute and 1000 an hour per bot.
	 * @param type {@code file}, {@code image}, {@code voice} or {@code video}
	 * @param filename the name the media is shown with
	 * @param content at most {@value #MAX_CHUNKS} chunks of 512 KB (50 MB), and not empty
	 * @return the {@code media_id}, for {@link #sendFile} and the other active sends
	 * @throws IllegalArgumentException when the content is empty or larger than 50 MB (nothing is sent)
	 * @throws WxWorkApiException when WeCom refuses a step (the media is not uploaded)
	 * @throws WxWorkTransportException when WeCom did not answer a step in time (an upload session may be
	 * left open; it expires after 30 minutes)
	 * @throws IllegalStateException when the bot has no open long connection on this instance
	 */
	public String uploadMedia(String type, String filename, byte[] content) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(content, "content");
		if (!MEDIA_TYPES.contains(type)) {
			throw new IllegalArgumentException("The media type must be file, image, voice or video, not '" + type + "'");
		}
		if (content.length == 0) {
			throw new IllegalArgumentException("The media '" + filename + "' is empty");
		}
		if (content.length > MAX_UPLOAD_SIZE) {
			throw new IllegalArgumentException("The media '" + filename + "' has " + content.length
					+ " bytes; a bot uploads at most " + MAX_UPLOAD_SIZE + " bytes (" + MAX_CHUNKS + " chunks of "
					+ MAX_CHUNK_SIZE + " bytes)");
		}
		int chunks = (content.length + MAX_CHUNK_SIZE - 1) / MAX_CHUNK_SIZE;
		ObjectNode init = WxWorkJson.mapper().createObjectNode()
			.put("type", type)
			.put("filename", filename)
			.put("total_size", content.length)
			.put("total_chunks", chunks)
			.put("md5", md5(content));
		String uploadId = call("aibot_upload_media_init", init).path("body").path("upload_id").asString(null);
		if (uploadId == null || uploadId.isEmpty()) {
			throw new WxWorkTransportException("The media upload of bot '" + this.name
					+ "' got no upload_id from aibot_upload_media_init", null);
		}
		for (int index = 0; index < chunks; index++) {
			int from = index * MAX_CHUNK_SIZE;
			int to = Math.min(content.length, from + MAX_CHUNK_SIZE);
			ObjectNode chunk = WxWorkJson.mapper().createObjectNode()
				.put("upload_id", uploadId)
				.put("chunk_index", index + 1)
				.put("base64_data", Base64.getEncoder().encodeToString(Arrays.copyOfRange(content, from, to)));
			call("aibot_upload_media_chunk", chunk);
		}
		ObjectNode finish = WxWorkJson.mapper().createObjectNode().put("upload_id", uploadId);
		String mediaId = call("aibot_upload_media_finish", finish).path("body").path("media_id").asString(null);
		if (mediaId == null || mediaId.isEmpty()) {
			throw new WxWorkTransportException("The media upload of bot '" + this.name
					+ "' got no media_id from aibot_upload_media_finish", null);
		}
		return mediaId;
	}

	private static String md5(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

	private static ObjectNode activeSend(String chatId, String msgType) {
		Objects.requireNonNull(chatId, "chatId");
		return WxWorkJson.mapper().createObjectNode().put("chatid", chatId).put("msgtype", msgType);
	}

	private void send(ObjectNode body) {
		call("aibot_send_msg", body);
	}

	/** One request over the long connection; returns WeCom's answer when its errcode is 0. */
	private JsonNode call(String command, ObjectNode body) {
		BotLongConnection current = this.connection;
		if (current == null) {
			throw new IllegalStateException("Bot '" + this.name + "' has no long connection: set wxwork.bots." + this.name
					+ ".bot-id and .secret");
		}
		JsonNode answer;
		try {
			answer = current.request(command, body);
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw new WxWorkTransportException("The " + command + " request of bot '" + this.name + "' got no answer ("
					+ ex.getCause().getClass().getSimpleName() + "); it may have taken effect", ex.getCause());
		}
		int errcode = answer.path("errcode").asInt(-1);
		if (errcode != 0) {
			throw new WxWorkApiException(errcode, answer.path("errmsg").asString(""), command);
		}
		return answer;
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

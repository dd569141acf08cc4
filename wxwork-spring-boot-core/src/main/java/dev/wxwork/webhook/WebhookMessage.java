package dev.wxwork.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wxwork.api.message.TemplateCard;

/**
 * A message a group robot posts (doc 91770): {@code msgtype} and its content. Each factory checks
 * WeCom's documented limits before anything is sent, and fails with {@link IllegalArgumentException}
 * saying which limit, so that a message WeCom would refuse never costs one of the robot's 20 a minute.
 *
 * @param msgtype WeCom's name of the type, which is also the JSON field that holds the content
 * @param body the content record, written under {@code msgtype}
 */
public record WebhookMessage(String msgtype, @JsonIgnore Object body) {

	/** Mentions every member of the group, in {@link #text(String, List, List)}. */
	public static final String ALL = "@all";

	static final int TEXT_MAX_BYTES = 2048;

	static final int MARKDOWN_MAX_BYTES = 4096;

	static final int IMAGE_MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_ARTICLES = 8;

	static final int TITLE_MAX_BYTES = 128;

	static final int DESCRIPTION_MAX_BYTES = 512;

	public WebhookMessage {
		if (msgtype == null || body == null) {
			throw new IllegalArgumentException("A webhook message needs a msgtype and a content");
		}
	}

	/** The content under its type's name, as WeCom reads it beside {@code msgtype}. */
	@JsonAnyGetter
	Map<String, Object> bodyByType() {
		return Map.of(this.msgtype, this.body);
	}

	/** Plain text, at most 2048 bytes of UTF-8. */
	public static WebhookMessage text(String content) {
		return text(content, List.of(), List.of());
	}

	/**
	 * Plain text that mentions members.
	 * @param content at most 2048 bytes of UTF-8
	 * @param mentionedUserIds userids to mention, or {@link #ALL}
	 * @param mentionedMobiles mobile numbers to mention, or {@link #ALL}
	 */
	public static WebhookMessage text(String content, List<String> mentionedUserIds, List<String> mentionedMobiles) {
		requireAtMost("text.content", content, TEXT_MAX_BYTES);
		return new WebhookMessage("text",
				new Text(content, emptyToNull(mentionedUserIds), emptyToNull(mentionedMobiles)));
	}

	/** Markdown in WeCom's subset (font colours info/comment/warning, {@code <@userid>} mentions), at most 4096 bytes. */
	public static WebhookMessage markdown(String content) {
		requireAtMost("markdown.content", content, MARKDOWN_MAX_BYTES);
		return new WebhookMessage("markdown", new Markdown(content));
	}

	/** Markdown with tables, lists, images and code blocks (no colours, no mentions), at most 4096 bytes. */
	public static WebhookMessage markdownV2(String content) {
		requireAtMost("markdown_v2.content", content, MARKDOWN_MAX_BYTES);
		return new WebhookMessage("markdown_v2", new Markdown(content));
	}

	/** An image from its bytes (JPG or PNG, at most 2 MB); its base64 and MD5 are computed here. */
	public static WebhookMessage image(byte[] content) {
		if (content == null || content.length == 0) {
			throw new IllegalArgumentException("image: the image is empty");
		}
		if (content.length > IMAGE_MAX_BYTES) {
			throw new IllegalArgumentException(
					"image: " + content.length + " bytes is more than WeCom's limit of 2 MB (" + IMAGE_MAX_BYTES + " bytes)");
		}
		if (!isPng(content) && !isJpeg(content)) {
			throw new IllegalArgumentException("image: WeCom takes JPG or PNG only, and this is neither");
		}
		return new WebhookMessage("image",
				new Image(Base64.getEncoder().encodeToString(content), HexFormat.of().formatHex(md5(content))));
	}

	/** An image from a JPG or PNG file of at most 2 MB. */
	public static WebhookMessage image(Path file) {
		try {
			if (Files.size(file) > IMAGE_MAX_BYTES) {
				throw new IllegalArgumentException("image: " + file.getFileName() + " is larger than WeCom's limit of 2 MB");
			}
			return image(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Linked articles, 1 to 8. */
	public static WebhookMessage news(Article... articles) {
		return news(List.of(articles));
	}

	/** Linked articles, 1 to 8. */
	public static WebhookMessage news(List<Article> articles) {
		if (articles == null || articles.isEmpty() || articles.size() > MAX_ARTICLES) {
			throw new IllegalArgumentException("news: WeCom takes 1 to " + MAX_ARTICLES + " articles, not "
					+ ((articles != null) ? articles.size() : 0));
		}
		return new WebhookMessage("news", new News(List.copyOf(articles)));
	}

	/** A file uploaded with {@link WxWorkWebhook#uploadFile}, by its media id. */
	public static WebhookMessage file(String mediaId) {
		return new WebhookMessage("file", new Media(requireMediaId("file", mediaId)));
	}

	/** A voice clip uploaded with {@link WxWorkWebhook#uploadVoice}, by its media id. */
	public static WebhookMessage voice(String mediaId) {
		return new WebhookMessage("voice", new Media(requireMediaId("voice", mediaId)));
	}

	/**
	 * A template card; group robots take the notice cards only ({@link TemplateCard#textNotice()} and
	 * {@link TemplateCard#newsNotice()}), each with a {@code card_action}.
	 */
	public static WebhookMessage templateCard(TemplateCard card) {
		if (card == null) {
			throw new IllegalArgumentException("template_card: the card is missing");
		}
		if (!"text_notice".equals(card.cardType()) && !"news_notice".equals(card.cardType())) {
			throw new IllegalArgumentException("template_card: a group robot sends text_notice and news_notice cards, not "
					+ card.cardType());
		}
		if (card.cardAction() == null) {
			throw new IllegalArgumentException("template_card: card_action is required (what a click on the card opens)");
		}
		return new WebhookMessage("template_card", card);
	}

	private static String requireMediaId(String type, String mediaId) {
		if (mediaId == null || mediaId.isBlank()) {
			throw new IllegalArgumentException(type + ": the media_id is missing (upload the " + type + " first)");
		}
		return mediaId;
	}

	static void requireAtMost(String field, String value, int maxBytes) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(field + " is empty");
		}
		int bytes = value.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > maxBytes) {
			throw new IllegalArgumentException(
					field + " has " + bytes + " bytes of UTF-8; WeCom takes at most " + maxBytes);
		}
	}

	private static List<String> emptyToNull(List<String> values) {
		return (values == null || values.isEmpty()) ? null : List.copyOf(values);
	}

	private static boolean isPng(byte[] content) {
		return content.length > 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N'
				&& content[3] == 'G';
	}

	private static boolean isJpeg(byte[] content) {
		return content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF;
	}

	private static byte[] md5(byte[] content) {
		try {
			// WeCom's own integrity check of the image (doc 91770), not a security measure
			return MessageDigest.getInstance("MD5").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required by every Java platform", ex);
		}
	}

	/** The content of a text message; the mention lists are left out when empty. */
	public record Text(String content, List<String> mentionedList, List<String> mentionedMobileList) {
	}

	/** The content of a markdown or markdown_v2 message. */
	public record Markdown(String content) {
	}

	/** The content of an image message: the image in base64 and the MD5 of its bytes, in hex. */
	public record Image(String base64, String md5) {
	}

	/** The articles of a news message. */
	public record News(List<Article> articles) {
	}

	/** A file or voice message's media id. */
	public record Media(String mediaId) {
	}

	/**
	 * An article of a news message.
	 * @param title at most 128 bytes, required
	 * @param description at most 512 bytes, optional
	 * @param url what a click opens, required
	 * @param picUrl the picture (JPG or PNG; 1068×455 large, 150×150 small), optional
	 */
	public record Article(String title, String description, String url, @JsonProperty("picurl") String picUrl) {

		public Article {
			requireAtMost("news.articles.title", title, TITLE_MAX_BYTES);
			if (description != null && !description.isEmpty()) {
				requireAtMost("news.articles.description", description, DESCRIPTION_MAX_BYTES);
			}
			if (url == null || url.isBlank()) {
				throw new IllegalArgumentException("news.articles.url is required");
			}
		}

		/** An article with a title and a link only. */
		public static Article of(String title, String url) {
			return new Article(title, null, url, null);
		}

	}

}

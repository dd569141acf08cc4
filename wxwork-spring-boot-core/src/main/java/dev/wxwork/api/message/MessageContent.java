package dev.wxwork.api.message;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One message's content, for the sends that take a single {@code msgtype} and its content: group chats,
 * linked corps and school notifications (doc 90248, 90250, 92321). The content records are those of
 * {@link AppMessage}, so every kind of message is described once.
 *
 * @param msgtype WeCom's name of the message type, which is also the JSON field that holds the content
 * @param body the content record, written under {@code msgtype}; the senders unwrap this record into
 * their own JSON ({@code "msgtype": "text", "text": {...}})
 */
public record MessageContent(String msgtype, @JsonIgnore Object body) {

	/** The content under its type's name, as WeCom reads it beside {@code msgtype}. */
	@JsonAnyGetter
	Map<String, Object> bodyByType() {
		return Map.of(this.msgtype, this.body);
	}

	/** Plain text, up to 2048 bytes. */
	public static MessageContent text(String content) {
		return new MessageContent("text", new AppMessage.Text(content));
	}

	/** Markdown (WeCom's subset). */
	public static MessageContent markdown(String content) {
		return new MessageContent("markdown", new AppMessage.Text(content));
	}

	/** An uploaded image, by media id. */
	public static MessageContent image(String mediaId) {
		return new MessageContent("image", new AppMessage.Media(mediaId));
	}

	/** An uploaded voice clip, by media id. */
	public static MessageContent voice(String mediaId) {
		return new MessageContent("voice", new AppMessage.Media(mediaId));
	}

	/** An uploaded file, by media id. */
	public static MessageContent file(String mediaId) {
		return new MessageContent("file", new AppMessage.Media(mediaId));
	}

	/** An uploaded video, by media id, with an optional title and description. */
	public static MessageContent video(String mediaId, String title, String description) {
		return new MessageContent("video", new AppMessage.Video(mediaId, title, description));
	}

	/** A card with a title, a description (simple HTML allowed), a link and an optional button text. */
	public static MessageContent textCard(String title, String description, String url, String buttonText) {
		return new MessageContent("textcard", new AppMessage.TextCard(title, description, url, buttonText));
	}

	/** Up to 8 linked articles. */
	public static MessageContent news(AppMessage.NewsArticle... articles) {
		return new MessageContent("news", new AppMessage.News(List.of(articles)));
	}

	/** Up to 8 articles stored in WeCom. */
	public static MessageContent mpNews(AppMessage.MpNewsArticle... articles) {
		return new MessageContent("mpnews", new AppMessage.MpNews(List.of(articles)));
	}

}

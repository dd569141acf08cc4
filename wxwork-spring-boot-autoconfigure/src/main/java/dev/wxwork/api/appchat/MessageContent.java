package dev.wxwork.api.appchat;

import java.util.List;

/**
 * The content of a message to a group chat, a linked corp or parents (doc 90248, 90250, 92321): one
 * of WeCom's message types, serialised under its {@code msgtype} name ({@code "text": {...}}).
 */
public sealed interface MessageContent {

	/** WeCom's name of the message type, which is also the JSON field that holds the content. */
	String msgtype();

	/** Plain text. */
	static Text text(String content) {
		return new Text(content);
	}

	/** Markdown. */
	static Markdown markdown(String content) {
		return new Markdown(content);
	}

	/** An uploaded image, by media id. */
	static Image image(String mediaId) {
		return new Image(mediaId);
	}

	/** An uploaded voice clip, by media id. */
	static Voice voice(String mediaId) {
		return new Voice(mediaId);
	}

	/** An uploaded file, by media id. */
	static File file(String mediaId) {
		return new File(mediaId);
	}

	/** An uploaded video, by media id, with an optional title and description. */
	static Video video(String mediaId, String title, String description) {
		return new Video(mediaId, title, description);
	}

	/** A card with a title, a description (simple HTML allowed) and a link. */
	static TextCard textCard(String title, String description, String url, String btntxt) {
		return new TextCard(title, description, url, btntxt);
	}

	/** Up to 8 linked articles. */
	static News news(NewsArticle... articles) {
		return new News(List.of(articles));
	}

	/** Up to 8 articles stored in WeCom. */
	static MpNews mpNews(MpNewsArticle... articles) {
		return new MpNews(List.of(articles));
	}

	/** Plain text, up to 2048 bytes. */
	record Text(String content) implements MessageContent {
		@Override
		public String msgtype() {
			return "text";
		}
	}

	/** Markdown, up to 2048 bytes. */
	record Markdown(String content) implements MessageContent {
		@Override
		public String msgtype() {
			return "markdown";
		}
	}

	/** An uploaded image. */
	record Image(String mediaId) implements MessageContent {
		@Override
		public String msgtype() {
			return "image";
		}
	}

	/** An uploaded voice clip (AMR). */
	record Voice(String mediaId) implements MessageContent {
		@Override
		public String msgtype() {
			return "voice";
		}
	}

	/** An uploaded file. */
	record File(String mediaId) implements MessageContent {
		@Override
		public String msgtype() {
			return "file";
		}
	}

	/** An uploaded video with an optional title and description. */
	record Video(String mediaId, String title, String description) implements MessageContent {
		@Override
		public String msgtype() {
			return "video";
		}
	}

	/** A card with a title, a description and a link. */
	record TextCard(String title, String description, String url, String btntxt) implements MessageContent {
		@Override
		public String msgtype() {
			return "textcard";
		}
	}

	/** Up to 8 linked articles. */
	record News(List<NewsArticle> articles) implements MessageContent {
		@Override
		public String msgtype() {
			return "news";
		}
	}

	/** A linked article; {@code appid} and {@code pagepath} open a mini program instead of {@code url}. */
	record NewsArticle(String title, String description, String url, String picurl, String appid, String pagepath) {

		/** An article that opens a link. */
		public static NewsArticle of(String title, String description, String url, String picurl) {
			return new NewsArticle(title, description, url, picurl, null, null);
		}

	}

	/** Up to 8 articles stored in WeCom. */
	record MpNews(List<MpNewsArticle> articles) implements MessageContent {
		@Override
		public String msgtype() {
			return "mpnews";
		}
	}

	/** An article stored in WeCom, with an uploaded cover image. */
	record MpNewsArticle(String title, String thumbMediaId, String author, String contentSourceUrl, String content,
			String digest) {
	}

}

package dev.wxwork.api.externalcontact;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An attachment of a customer message (mass message, welcome message): exactly one of image, link,
 * mini program, video or file, named by {@code msgtype} (doc 92135).
 */
public record Attachment(String msgtype, Image image, Link link, Miniprogram miniprogram, Video video, File file) {

	/** An image already uploaded as temporary media. */
	public static Attachment image(String mediaId) {
		return new Attachment("image", new Image(mediaId, null), null, null, null, null);
	}

	/** An image by the URL that "upload image" returned (uploadimg). */
	public static Attachment imageUrl(String picUrl) {
		return new Attachment("image", new Image(null, picUrl), null, null, null, null);
	}

	/** A link card. */
	public static Attachment link(Link link) {
		return new Attachment("link", null, link, null, null, null);
	}

	/** A mini program card. */
	public static Attachment miniprogram(Miniprogram miniprogram) {
		return new Attachment("miniprogram", null, null, miniprogram, null, null);
	}

	/** A video already uploaded as temporary media. */
	public static Attachment video(String mediaId) {
		return new Attachment("video", null, null, null, new Video(mediaId, null), null);
	}

	/** A file already uploaded as temporary media. */
	public static Attachment file(String mediaId) {
		return new Attachment("file", null, null, null, null, new File(mediaId));
	}

	/** An image: a temporary media id, or the URL of an uploaded image. */
	public record Image(String mediaId, String picUrl) {
	}

	/** A link card; WeCom spells the cover image {@code picurl} and the description {@code desc}. */
	public record Link(String title, String picurl, @JsonProperty("desc") String description, String url,
			String mediaId) {

		/** A link card with a title, a cover image URL, a description and the target URL. */
		public static Link of(String title, String picurl, String description, String url) {
			return new Link(title, picurl, description, url, null);
		}

	}

	/** A mini program card; the mini program must be linked to the corp. */
	public record Miniprogram(String title, String picMediaId, String appid, String page) {
	}

	/** A video; the thumbnail only appears in answers (moments). */
	public record Video(String mediaId, String thumbMediaId) {
	}

	/** A file. */
	public record File(String mediaId) {
	}

}

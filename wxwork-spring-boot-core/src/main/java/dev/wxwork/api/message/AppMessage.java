package dev.wxwork.api.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wxwork.client.DuplicateCheckable;

/**
 * An app message as {@code message/send} takes it (doc 90236): the recipients, one content that
 * matches {@code msgtype}, and the sending options. Build one with the factory of its type, e.g.
 * {@code AppMessage.text("hi").toUsers("zhangsan").build()}; {@code agent.messages()} fills in the
 * {@code agentid}.
 *
 * @param toUser member userids joined with {@code |}, or {@code @all}
 * @param toParty department ids joined with {@code |}
 * @param toTag tag ids joined with {@code |}
 * @param msgtype the content's type, e.g. {@code text} or {@code template_card}
 * @param agentId the sending app; set by {@link AppMessages#send}
 * @param safe 1 for a confidential message (no forwarding, watermarked), 2 to share it inside the corp
 * only (mpnews); null is WeCom's default 0
 * @param enableIdTrans 1 to translate ids in the content ({@code $userName=…$}), for third-party apps
 * @param enableDuplicateCheck 1 to drop the same message sent again within
 * {@code duplicateCheckInterval}
 * @param duplicateCheckInterval seconds, at most 4 hours; WeCom's default is 1800
 */
public record AppMessage(@JsonProperty("touser") String toUser, @JsonProperty("toparty") String toParty,
		@JsonProperty("totag") String toTag, String msgtype, @JsonProperty("agentid") Long agentId, Text text,
		Media image, Media voice, Video video, Media file, @JsonProperty("textcard") TextCard textCard, News news,
		@JsonProperty("mpnews") MpNews mpNews, Text markdown, MiniprogramNotice miniprogramNotice,
		@JsonProperty("taskcard") TaskCard taskCard, TemplateCard templateCard, Integer safe, Integer enableIdTrans,
		Integer enableDuplicateCheck, Long duplicateCheckInterval) implements DuplicateCheckable {

	/** The same message sent by that app. */
	public AppMessage withAgentId(long agentId) {
		return new AppMessage(this.toUser, this.toParty, this.toTag, this.msgtype, agentId, this.text, this.image,
				this.voice, this.video, this.file, this.textCard, this.news, this.mpNews, this.markdown,
				this.miniprogramNotice, this.taskCard, this.templateCard, this.safe, this.enableIdTrans,
				this.enableDuplicateCheck, this.duplicateCheckInterval);
	}

	/** The same message with WeCom's duplicate check on, within the interval the caller set or else this one. */
	@Override
	public AppMessage withDuplicateCheck(long intervalSeconds) {
		return new AppMessage(this.toUser, this.toParty, this.toTag, this.msgtype, this.agentId, this.text, this.image,
				this.voice, this.video, this.file, this.textCard, this.news, this.mpNews, this.markdown,
				this.miniprogramNotice, this.taskCard, this.templateCard, this.safe, this.enableIdTrans, 1,
				(this.duplicateCheckInterval != null) ? this.duplicateCheckInterval : intervalSeconds);
	}

	/** A text message; at most 2048 bytes, links and {@code <a href>} allowed. */
	public static Builder text(String content) {
		Builder builder = new Builder("text");
		builder.text = new Text(content);
		return builder;
	}

	/** A markdown message (WeCom's subset of markdown); shown in the WeCom app only, not in WeChat. */
	public static Builder markdown(String content) {
		Builder builder = new Builder("markdown");
		builder.markdown = new Text(content);
		return builder;
	}

	/** An image message, from an uploaded media id. */
	public static Builder image(String mediaId) {
		Builder builder = new Builder("image");
		builder.image = new Media(mediaId);
		return builder;
	}

	/** A voice message, from an uploaded media id (AMR, at most 2 MB and 60 s). */
	public static Builder voice(String mediaId) {
		Builder builder = new Builder("voice");
		builder.voice = new Media(mediaId);
		return builder;
	}

	/** A video message. */
	public static Builder video(Video video) {
		Builder builder = new Builder("video");
		builder.video = video;
		return builder;
	}

	/** A file message, from an uploaded media id. */
	public static Builder file(String mediaId) {
		Builder builder = new Builder("file");
		builder.file = new Media(mediaId);
		return builder;
	}

	/** A text card: title, description and a link. */
	public static Builder textCard(TextCard card) {
		Builder builder = new Builder("textcard");
		builder.textCard = card;
		return builder;
	}

	/** A news message: one to eight articles that link out. */
	public static Builder news(NewsArticle... articles) {
		return news(Arrays.asList(articles));
	}

	/** A news message: one to eight articles that link out. */
	public static Builder news(List<NewsArticle> articles) {
		Builder builder = new Builder("news");
		builder.news = new News(List.copyOf(articles));
		return builder;
	}

	/** An mpnews message: one to eight articles stored in WeCom. */
	public static Builder mpNews(MpNewsArticle... articles) {
		return mpNews(Arrays.asList(articles));
	}

	/** An mpnews message: one to eight articles stored in WeCom. */
	public static Builder mpNews(List<MpNewsArticle> articles) {
		Builder builder = new Builder("mpnews");
		builder.mpNews = new MpNews(List.copyOf(articles));
		return builder;
	}

	/** A mini program notice, for apps linked to a mini program. */
	public static Builder miniprogramNotice(MiniprogramNotice notice) {
		Builder builder = new Builder("miniprogram_notice");
		builder.miniprogramNotice = notice;
		return builder;
	}

	/** A task card with buttons whose clicks come back as {@code taskcard_click} events. */
	public static Builder taskCard(TaskCard card) {
		Builder builder = new Builder("taskcard");
		builder.taskCard = card;
		return builder;
	}

	/** A template card of any card type (doc 90236, "模板卡片消息"). */
	public static Builder templateCard(TemplateCard card) {
		Builder builder = new Builder("template_card");
		builder.templateCard = card;
		return builder;
	}

	/** The content of text and markdown messages. */
	public record Text(String content) {
	}

	/** The content of image, voice and file messages. */
	public record Media(String mediaId) {
	}

	/** The content of a video message; title and description are optional. */
	public record Video(String mediaId, String title, String description) {

		/** A video without title or description. */
		public static Video of(String mediaId) {
			return new Video(mediaId, null, null);
		}

	}

	/** A text card; {@code buttonText} defaults to "详情". */
	public record TextCard(String title, String description, String url,
			@JsonProperty("btntxt") String buttonText) {

		/** A text card with WeCom's default button text. */
		public static TextCard of(String title, String description, String url) {
			return new TextCard(title, description, url, null);
		}

	}

	/** The articles of a news message. */
	public record News(List<NewsArticle> articles) {
	}

	/**
	 * An article of a news message; it opens {@code url}, or the mini program page when {@code appid}
	 * and {@code pagepath} are set.
	 */
	public record NewsArticle(String title, String description, String url, @JsonProperty("picurl") String picUrl,
			String appid, String pagepath) {

		/** An article that opens a web page. */
		public static NewsArticle of(String title, String description, String url, String picUrl) {
			return new NewsArticle(title, description, url, picUrl, null, null);
		}

	}

	/** The articles of an mpnews message. */
	public record MpNews(List<MpNewsArticle> articles) {
	}

	/** An article of an mpnews message; {@code content} is HTML, at most 666 K bytes. */
	public record MpNewsArticle(String title, String thumbMediaId, String author, String contentSourceUrl,
			String content, String digest) {
	}

	/** A mini program notice; at most 10 content items. */
	public record MiniprogramNotice(String appid, String page, String title, String description,
			Boolean emphasisFirstItem, List<ContentItem> contentItem) {
	}

	/** A key-value line of a mini program notice. */
	public record ContentItem(String key, String value) {
	}

	/**
	 * A task card; {@code taskId} is unique within the app (at most 128 bytes) and comes back in the
	 * {@code taskcard_click} event.
	 */
	public record TaskCard(String title, String description, String url, String taskId,
			@JsonProperty("btn") List<TaskCardButton> buttons) {
	}

	/** A task card button; {@code replaceName} is shown once it was clicked; {@code color} is red or blue. */
	public record TaskCardButton(String key, String name, String replaceName, String color, Boolean isBold) {

		/** A button with WeCom's default look. */
		public static TaskCardButton of(String key, String name, String replaceName) {
			return new TaskCardButton(key, name, replaceName, null, null);
		}

	}

	/** Builds an {@link AppMessage}: recipients and options around a content chosen by the factory. */
	public static final class Builder {

		private final String msgtype;

		private final List<String> users = new ArrayList<>();

		private final List<String> departments = new ArrayList<>();

		private final List<String> tags = new ArrayList<>();

		private Text text;

		private Media image;

		private Media voice;

		private Video video;

		private Media file;

		private TextCard textCard;

		private News news;

		private MpNews mpNews;

		private Text markdown;

		private MiniprogramNotice miniprogramNotice;

		private TaskCard taskCard;

		private TemplateCard templateCard;

		private Integer safe;

		private Integer enableIdTrans;

		private Integer enableDuplicateCheck;

		private Long duplicateCheckInterval;

		private Builder(String msgtype) {
			this.msgtype = msgtype;
		}

		/** Sends to these members (userids); at most 1000 in all. */
		public Builder toUsers(String... userids) {
			return toUsers(Arrays.asList(userids));
		}

		/** Sends to these members (userids); at most 1000 in all. */
		public Builder toUsers(Collection<String> userids) {
			userids.forEach((userid) -> this.users.add(Objects.requireNonNull(userid, "userid")));
			return this;
		}

		/** Sends to every member in the app's visible range ({@code @all}). */
		public Builder toAllUsers() {
			this.users.clear();
			this.users.add("@all");
			return this;
		}

		/** Sends to the members of these departments; at most 100. */
		public Builder toDepartments(long... departmentIds) {
			Arrays.stream(departmentIds).forEach((id) -> this.departments.add(Long.toString(id)));
			return this;
		}

		/** Sends to the members of these departments; at most 100. */
		public Builder toDepartments(Collection<Long> departmentIds) {
			departmentIds.forEach((id) -> this.departments.add(id.toString()));
			return this;
		}

		/** Sends to the members with these tags; at most 100. */
		public Builder toTags(long... tagIds) {
			Arrays.stream(tagIds).forEach((id) -> this.tags.add(Long.toString(id)));
			return this;
		}

		/** Sends to the members with these tags; at most 100. */
		public Builder toTags(Collection<Long> tagIds) {
			tagIds.forEach((id) -> this.tags.add(id.toString()));
			return this;
		}

		/** Marks the message confidential: it cannot be forwarded and shows a watermark. */
		public Builder safe() {
			this.safe = 1;
			return this;
		}

		/** Lets an mpnews message be shared inside the corp only ({@code safe} 2). */
		public Builder shareInsideCorpOnly() {
			this.safe = 2;
			return this;
		}

		/** Translates {@code $userName=…$} and {@code $departmentName=…$} in the content (third-party apps). */
		public Builder enableIdTranslation() {
			this.enableIdTrans = 1;
			return this;
		}

		/** Has WeCom drop this same message if it was already sent within {@code interval} (at most 4 hours). */
		public Builder duplicateCheck(Duration interval) {
			if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofHours(4)) > 0) {
				throw new IllegalArgumentException("The duplicate check interval must be within 4 hours, not " + interval);
			}
			this.enableDuplicateCheck = 1;
			this.duplicateCheckInterval = interval.toSeconds();
			return this;
		}

		/** The message; fails when it has no recipient, since WeCom would only answer 40031. */
		public AppMessage build() {
			if (this.users.isEmpty() && this.departments.isEmpty() && this.tags.isEmpty()) {
				throw new IllegalStateException("An app message needs a recipient: toUsers, toDepartments or toTags");
			}
			return new AppMessage(joined(this.users), joined(this.departments), joined(this.tags), this.msgtype, null,
					this.text, this.image, this.voice, this.video, this.file, this.textCard, this.news, this.mpNews,
					this.markdown, this.miniprogramNotice, this.taskCard, this.templateCard, this.safe,
					this.enableIdTrans, this.enableDuplicateCheck, this.duplicateCheckInterval);
		}

		private static String joined(List<String> ids) {
			return ids.isEmpty() ? null : PipeSeparatedList.join(ids);
		}

	}

}

package dev.wxwork.bot;

import java.util.List;
import java.util.Objects;

/**
 * A reply of a bot handler, for the replies that are no plain streamed text (doc 101031). A template
 * card is any object Jackson writes as WeCom's {@code template_card} JSON (a {@code Map}, a record).
 */
public sealed interface BotReply permits BotReply.Text, BotReply.Markdown, BotReply.TemplateCard,
		BotReply.StreamWithCard, BotReply.UpdateCard {

	/** Plain text: the welcome of an enter_chat event; to a message, a finished stream with this content. */
	static BotReply text(String content) {
		return new Text(content);
	}

	/** Markdown: to a message, a finished stream with this content (streams render Markdown). */
	static BotReply markdown(String content) {
		return new Markdown(content);
	}

	/** A template card: to a message, or as the welcome of an enter_chat event. */
	static BotReply templateCard(Object card) {
		return new TemplateCard(card);
	}

	/**
	 * A streamed answer with a template card below it ({@code stream_with_template_card}); the answer is
	 * anything a handler may return for streaming (a String, Publisher, Stream or Iterator of String).
	 */
	static BotReply streamWithCard(Object answer, Object card) {
		return new StreamWithCard(answer, card);
	}

	/** Replaces the clicked card, for a template_card_event; for everyone, or only for the given users. */
	static BotReply updateCard(Object card, String... userIds) {
		return new UpdateCard(card, List.of(userIds));
	}

	/** @param content the text */
	record Text(String content) implements BotReply {

		public Text {
			Objects.requireNonNull(content, "content");
		}

	}

	/** @param content the Markdown */
	record Markdown(String content) implements BotReply {

		public Markdown {
			Objects.requireNonNull(content, "content");
		}

	}

	/** @param card the {@code template_card} */
	record TemplateCard(Object card) implements BotReply {

		public TemplateCard {
			Objects.requireNonNull(card, "card");
		}

	}

	/**
	 * @param answer the streamed answer
	 * @param card the {@code template_card}
	 */
	record StreamWithCard(Object answer, Object card) implements BotReply {

		public StreamWithCard {
			Objects.requireNonNull(answer, "answer");
			Objects.requireNonNull(card, "card");
		}

	}

	/**
	 * @param card the new {@code template_card}; its task_id must be the clicked card's
	 * @param userIds whose card is replaced; empty for everyone's
	 */
	record UpdateCard(Object card, List<String> userIds) implements BotReply {

		public UpdateCard {
			Objects.requireNonNull(card, "card");
			userIds = List.copyOf(userIds);
		}

	}

}

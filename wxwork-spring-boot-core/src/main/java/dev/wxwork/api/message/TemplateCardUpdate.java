package dev.wxwork.api.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An update of a template card already sent (doc 94888), for the members who got it: either its
 * buttons become one greyed-out text ({@link #replaceButton}), or the whole card is replaced
 * ({@link #replaceCard}). The {@code responseCode} comes from the send result or the click event
 * and can be used once, within 72 hours.
 *
 * @param userids members whose card changes
 * @param partyids departments whose members' cards change
 * @param tagids tags whose members' cards change
 * @param atall 1 to change the card of everyone who got it
 * @param agentId the app; set by {@link AppMessages#updateTemplateCard}
 * @param responseCode the code from the send result or the callback
 * @param button the new button text, for a button update
 * @param templateCard the new card, for a card update
 * @param enableIdTrans 1 to translate ids in the card (third-party apps)
 */
public record TemplateCardUpdate(List<String> userids, List<Long> partyids, List<Long> tagids, Integer atall,
		@JsonProperty("agentid") Long agentId, String responseCode, ReplacedButton button, TemplateCard templateCard,
		Integer enableIdTrans) {

	/** The same update sent by that app. */
	public TemplateCardUpdate withAgentId(long agentId) {
		return new TemplateCardUpdate(this.userids, this.partyids, this.tagids, this.atall, agentId, this.responseCode,
				this.button, this.templateCard, this.enableIdTrans);
	}

	/** Turns the card's buttons into one greyed-out text, e.g. "已处理". */
	public static Builder replaceButton(String responseCode, String replaceName) {
		return new Builder(responseCode, new ReplacedButton(replaceName), null);
	}

	/** Replaces the whole card, keeping its card type (set {@code replaceText} on interactive cards). */
	public static Builder replaceCard(String responseCode, TemplateCard card) {
		return new Builder(responseCode, null, card);
	}

	/** The text that replaces the buttons. */
	public record ReplacedButton(String replaceName) {
	}

	/** Builds a {@link TemplateCardUpdate}: whose cards change. */
	public static final class Builder {

		private final String responseCode;

		private final ReplacedButton button;

		private final TemplateCard card;

		private final List<String> users = new ArrayList<>();

		private final List<Long> departments = new ArrayList<>();

		private final List<Long> tags = new ArrayList<>();

		private Integer everyone;

		private Integer enableIdTrans;

		private Builder(String responseCode, ReplacedButton button, TemplateCard card) {
			this.responseCode = responseCode;
			this.button = button;
			this.card = card;
		}

		/** Changes the card of these members. */
		public Builder forUsers(String... userids) {
			return forUsers(Arrays.asList(userids));
		}

		/** Changes the card of these members. */
		public Builder forUsers(Collection<String> userids) {
			this.users.addAll(userids);
			return this;
		}

		/** Changes the card of the members of these departments. */
		public Builder forDepartments(long... departmentIds) {
			Arrays.stream(departmentIds).forEach(this.departments::add);
			return this;
		}

		/** Changes the card of the members with these tags. */
		public Builder forTags(long... tagIds) {
			Arrays.stream(tagIds).forEach(this.tags::add);
			return this;
		}

		/** Changes the card of everyone who got it. */
		public Builder forEveryone() {
			this.everyone = 1;
			return this;
		}

		/** Translates ids in the card (third-party apps). */
		public Builder enableIdTranslation() {
			this.enableIdTrans = 1;
			return this;
		}

		/** The update; fails when it names nobody, since WeCom would change no card. */
		public TemplateCardUpdate build() {
			if (this.users.isEmpty() && this.departments.isEmpty() && this.tags.isEmpty() && this.everyone == null) {
				throw new IllegalStateException(
						"A template card update needs recipients: forUsers, forDepartments, forTags or forEveryone");
			}
			return new TemplateCardUpdate(listOrNull(this.users), listOrNull(this.departments), listOrNull(this.tags),
					this.everyone, null, this.responseCode, this.button, this.card, this.enableIdTrans);
		}

		private static <T> List<T> listOrNull(List<T> values) {
			return values.isEmpty() ? null : List.copyOf(values);
		}

	}

}

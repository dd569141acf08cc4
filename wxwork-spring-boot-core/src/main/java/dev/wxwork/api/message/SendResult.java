package dev.wxwork.api.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What {@code message/send} answers (doc 90236). WeCom still answers errcode 0 when some recipients
 * were invalid or had no licence; they are listed here, each list empty (never null) when there were
 * none.
 *
 * @param invalidUsers userids that do not exist or are outside the app's visible range
 * @param invalidParties department ids that do not exist or are outside the visible range
 * @param invalidTags tag ids that do not exist or are outside the visible range
 * @param unlicensedUsers members without the licence the message needs (they did not get it)
 * @param msgid the message id, for {@link AppMessages#recall}
 * @param responseCode for interactive template cards: the code to update the card with, valid 72 hours
 */
public record SendResult(
		@JsonProperty("invaliduser") @JsonDeserialize(using = PipeSeparatedList.class) List<String> invalidUsers,
		@JsonProperty("invalidparty") @JsonDeserialize(using = PipeSeparatedList.class) List<String> invalidParties,
		@JsonProperty("invalidtag") @JsonDeserialize(using = PipeSeparatedList.class) List<String> invalidTags,
		@JsonProperty("unlicenseduser") @JsonDeserialize(
				using = PipeSeparatedList.class) List<String> unlicensedUsers,
		String msgid, String responseCode) {

	public SendResult {
		invalidUsers = (invalidUsers != null) ? List.copyOf(invalidUsers) : List.of();
		invalidParties = (invalidParties != null) ? List.copyOf(invalidParties) : List.of();
		invalidTags = (invalidTags != null) ? List.copyOf(invalidTags) : List.of();
		unlicensedUsers = (unlicensedUsers != null) ? List.copyOf(unlicensedUsers) : List.of();
	}

	/** Whether every recipient was valid and licensed. */
	public boolean reachedEveryone() {
		return this.invalidUsers.isEmpty() && this.invalidParties.isEmpty() && this.invalidTags.isEmpty()
				&& this.unlicensedUsers.isEmpty();
	}

}

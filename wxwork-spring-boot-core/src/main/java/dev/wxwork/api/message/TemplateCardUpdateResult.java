package dev.wxwork.api.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What {@code message/update_template_card} answers (doc 94888).
 *
 * @param invalidUsers userids whose card could not be changed; empty, never null, when there were none
 */
public record TemplateCardUpdateResult(
		@JsonProperty("invaliduser") @JsonDeserialize(using = PipeSeparatedList.class) List<String> invalidUsers) {

	public TemplateCardUpdateResult {
		invalidUsers = (invalidUsers != null) ? List.copyOf(invalidUsers) : List.of();
	}

}

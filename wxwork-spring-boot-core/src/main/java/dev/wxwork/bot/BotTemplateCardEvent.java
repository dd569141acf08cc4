package dev.wxwork.bot;

import tools.jackson.databind.JsonNode;

/**
 * A click on a template card the bot sent ({@code template_card_event}); answered with
 * {@link BotReply#updateCard} within 5 seconds, or through the callback's {@code response_url}.
 *
 * @param cardType the card's {@code card_type}
 * @param eventKey the {@code event_key} of the clicked button
 * @param taskId the card's {@code task_id}, which an update must carry
 * @param raw the whole {@code template_card_event} object (selected items and the like)
 */
public record BotTemplateCardEvent(String cardType, String eventKey, String taskId, JsonNode raw) implements BotPayload {

}

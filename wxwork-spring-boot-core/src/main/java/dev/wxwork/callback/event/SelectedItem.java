package dev.wxwork.callback.event;

import java.util.List;

/**
 * One question answered on a template card (doc 90240).
 *
 * @param questionKey the key of the question (the card's select list or checkbox)
 * @param optionIds the ids of the options chosen
 */
public record SelectedItem(String questionKey, List<String> optionIds) {
}

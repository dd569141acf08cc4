package dev.wxwork.api.externalcontact.tag;

import java.util.List;

/**
 * A group of customer tags (doc 92117); rule-group tags carry their {@code strategy_id} (doc 94882).
 * @param createTime epoch seconds
 * @param order larger values sort first
 * @param deleted whether the group was deleted (only when queried by id)
 */
public record TagGroup(String groupId, String groupName, Long createTime, Long order, Boolean deleted,
		Long strategyId, List<Tag> tag) {

	/**
	 * A customer tag.
	 * @param createTime epoch seconds
	 * @param order larger values sort first
	 * @param deleted whether the tag was deleted (only when queried by id)
	 */
	public record Tag(String id, String name, Long createTime, Long order, Boolean deleted) {
	}

}

package dev.wxwork.api.externalcontact.strategy;

import java.util.List;

/**
 * A rule group (规则组) that gives its admins privileges over the members in its range: a customer rule
 * group (doc 94883) or a moment rule group (doc 94890).
 * @param parentId the parent group's id
 * @param createTime epoch seconds
 * @param adminList the admins' userids
 * @param privilege what the admins may do
 * @param <P> the privilege type
 */
public record Strategy<P>(Long strategyId, Long parentId, String strategyName, Long createTime,
		List<String> adminList, P privilege) {
}

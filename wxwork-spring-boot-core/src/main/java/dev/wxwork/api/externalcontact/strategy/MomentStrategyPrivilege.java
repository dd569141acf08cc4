package dev.wxwork.api.externalcontact.strategy;

/**
 * What the admins of a moment rule group may do (doc 94890); null means WeCom's default.
 */
public record MomentStrategyPrivilege(Boolean viewMomentList, Boolean sendMoment,
		Boolean manageMomentCoverAndSign) {
}

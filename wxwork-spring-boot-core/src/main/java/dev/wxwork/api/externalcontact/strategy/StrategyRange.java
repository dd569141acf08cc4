package dev.wxwork.api.externalcontact.strategy;

/**
 * One entry of a rule group's range: a member (type 1) or a department (type 2).
 */
public record StrategyRange(Integer type, String userid, Long partyid) {

	/** A member. */
	public static StrategyRange member(String userid) {
		return new StrategyRange(1, userid, null);
	}

	/** A department. */
	public static StrategyRange department(long partyid) {
		return new StrategyRange(2, null, partyid);
	}

}

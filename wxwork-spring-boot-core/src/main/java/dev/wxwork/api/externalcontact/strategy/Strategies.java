package dev.wxwork.api.externalcontact.strategy;

import java.util.List;

import dev.wxwork.api.CursorPage;

/** The requests and answers that customer and moment rule groups share. */
public final class Strategies {

	private Strategies() {
	}

	/** A rule group's id. */
	public record StrategyId(Long strategyId) {
	}

	/** A page request: cursor null for the first page, limit up to 1000. */
	public record PageQuery(String cursor, Integer limit) {
	}

	/** A page of rule-group ids. */
	public record IdPage(List<StrategyId> strategy, String nextCursor) implements CursorPage<StrategyId> {

		@Override
		public List<StrategyId> items() {
			return this.strategy;
		}

	}

	/** A page request for a rule group's range. */
	public record RangeQuery(Long strategyId, String cursor, Integer limit) {
	}

	/** A page of a rule group's range. */
	public record RangePage(List<StrategyRange> range, String nextCursor) implements CursorPage<StrategyRange> {

		@Override
		public List<StrategyRange> items() {
			return this.range;
		}

	}

	/** A rule group, as {@code get} answers it. */
	public record Details<P>(Strategy<P> strategy) {
	}

	/**
	 * A new rule group.
	 * @param parentId the parent group; null for a top-level group
	 * @param range the members and departments it manages
	 */
	public record NewStrategy<P>(Long parentId, String strategyName, List<String> adminList, P privilege,
			List<StrategyRange> range) {
	}

	/** A change of a rule group; null fields stay, ranges are added and removed. */
	public record StrategyEdit<P>(Long strategyId, String strategyName, List<String> adminList, P privilege,
			List<StrategyRange> rangeAdd, List<StrategyRange> rangeDel) {
	}

}

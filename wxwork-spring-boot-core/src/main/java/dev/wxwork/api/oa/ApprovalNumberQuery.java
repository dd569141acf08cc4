package dev.wxwork.api.oa;

import java.util.List;

/**
 * Which application numbers to list (doc 91816).
 * @param starttime and {@code endtime}: Unix seconds, at most 31 days apart
 * @param newCursor where to continue; empty for the first page
 * @param size at most 100
 * @param filters {@code template_id}, {@code creator}, {@code department}, {@code sp_status} or
 * {@code record_type}, with their values
 */
public record ApprovalNumberQuery(long starttime, long endtime, String newCursor, int size, List<Filter> filters) {

	/** The first page of 100 numbers in a period. */
	public static ApprovalNumberQuery of(long starttime, long endtime) {
		return new ApprovalNumberQuery(starttime, endtime, "", 100, null);
	}

	/** The same query, filtered. */
	public ApprovalNumberQuery withFilters(List<Filter> filters) {
		return new ApprovalNumberQuery(this.starttime, this.endtime, this.newCursor, this.size, filters);
	}

	/** The same query, from this cursor on. */
	public ApprovalNumberQuery withCursor(String cursor) {
		return new ApprovalNumberQuery(this.starttime, this.endtime, cursor, this.size, this.filters);
	}

	/** A filter. */
	public record Filter(String key, String value) {
	}

}

package dev.wxwork.api.oa;

/**
 * A page of call records to read (doc 93662).
 * @param startTime and {@code endTime}: Unix seconds, at most 30 days apart
 * @param limit at most {@value #MAX_LIMIT}
 */
public record DialRecordQuery(Long startTime, Long endTime, int offset, int limit) {

	/** The largest page WeCom serves. */
	public static final int MAX_LIMIT = 100;

}

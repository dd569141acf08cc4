package dev.wxwork.api.oa;

import java.util.List;

/**
 * Which check-in records to read (doc 90262).
 * @param opencheckindatatype 1 on/off-duty, 2 outside, 3 all
 * @param starttime and {@code endtime}: Unix seconds, at most 30 days apart
 * @param useridlist up to 100 members
 */
public record CheckinDataQuery(int opencheckindatatype, long starttime, long endtime, List<String> useridlist) {

	/** The most members one call may name. */
	public static final int MAX_USERS = 100;

	/** The longest period one call may span, in seconds (30 days). */
	public static final long MAX_PERIOD_SECONDS = 30L * 24 * 60 * 60;

	/** Every kind of record of these members in this period. */
	public static CheckinDataQuery all(long starttime, long endtime, List<String> userids) {
		return new CheckinDataQuery(3, starttime, endtime, userids);
	}

}

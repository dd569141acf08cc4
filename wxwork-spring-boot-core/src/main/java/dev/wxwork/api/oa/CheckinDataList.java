package dev.wxwork.api.oa;

import java.util.List;

/** The check-in records getcheckindata answers (doc 90262). */
public record CheckinDataList(List<CheckinRecord> checkindata) {

	/**
	 * One check-in.
	 * @param checkinType 上班打卡, 下班打卡 or 外出打卡
	 * @param exceptionType time, place, missing, wifi or device anomalies, separated by ';'; empty if none
	 * @param checkinTime and {@code schCheckinTime}: Unix seconds, actual and scheduled
	 * @param lat and {@code lng}: GCJ-02 coordinates times 1,000,000
	 * @param mediaids attachments, for media/get
	 */
	public record CheckinRecord(String userid, String groupname, Long groupid, String checkinType,
			String exceptionType, Long checkinTime, Long schCheckinTime, String locationTitle, String locationDetail,
			String wifiname, String wifimac, String notes, List<String> mediaids, Long lat, Long lng, String deviceid,
			Long scheduleId, Long timelineId) {
	}

}

package dev.wxwork.api.oa;

import java.util.List;

/** The check-in rules getcheckinoption answers, per member (doc 90263). */
public record CheckinOptionList(List<MemberRule> info) {

	/** The rule that applies to a member. */
	public record MemberRule(String userid, CheckinGroup group) {
	}

	/**
	 * A check-in rule.
	 * @param grouptype 1 fixed hours, 2 shifts, 3 free
	 * @param speWorkdays extra working days, {@code speOffdays} extra days off
	 */
	public record CheckinGroup(Integer grouptype, Long groupid, String groupname, List<CheckinDate> checkindate,
			List<SpecialDay> speWorkdays, List<SpecialDay> speOffdays, Boolean syncHolidays, Boolean needPhoto,
			Boolean noteCanUseLocalPic, Boolean allowCheckinOffworkday, Boolean allowApplyOffworkday,
			List<WifiMac> wifimacInfos, List<CheckinLocation> locInfos) {
	}

	/**
	 * Working days and their hours.
	 * @param workdays 0 Sunday to 6 Saturday
	 * @param flexTime how late one may check in without anomaly, in milliseconds
	 */
	public record CheckinDate(List<Integer> workdays, List<CheckinTime> checkintime, Long flexTime,
			Boolean noneedOffwork, Long limitAheadtime) {
	}

	/** On- and off-duty times and reminders, in seconds from midnight. */
	public record CheckinTime(Long workSec, Long offWorkSec, Long remindWorkSec, Long remindOffWorkSec) {
	}

	/** A special day: a Unix time on it, a note, and its hours when it is a working day. */
	public record SpecialDay(Long timestamp, String notes, List<CheckinTime> checkintime) {
	}

	/** A Wi-Fi network where check-in is allowed. */
	public record WifiMac(String wifiname, String wifimac) {
	}

	/** A place where check-in is allowed; coordinates times 1,000,000, distance in metres. */
	public record CheckinLocation(Long lat, Long lng, String locTitle, String locDetail, Long distance) {
	}

}

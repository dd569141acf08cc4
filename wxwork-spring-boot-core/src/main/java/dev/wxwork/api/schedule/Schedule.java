package dev.wxwork.api.schedule;

import java.util.List;

/**
 * A schedule (doc 93648).
 * @param scheduleId null when creating
 * @param admins up to 3 attendees who may change the schedule
 * @param startTime and {@code endTime}: Unix seconds
 * @param isWholeDay 1 for a whole-day schedule
 * @param calId the calendar; the default calendar when null
 * @param status in answers: 0 normal, 1 cancelled
 */
public record Schedule(String scheduleId, String organizer, List<String> admins, List<Attendee> attendees,
		String summary, String description, Reminders reminders, String location, Long startTime, Long endTime,
		Integer isWholeDay, String calId, Integer status) {

	/** A schedule to create, with a title and a time. */
	public static Schedule of(String summary, long startTime, long endTime, List<Attendee> attendees) {
		return new Schedule(null, null, null, attendees, summary, null, null, null, startTime, endTime, null, null,
				null);
	}

	/** The same schedule with this id, for an update. */
	public Schedule withScheduleId(String scheduleId) {
		return new Schedule(scheduleId, this.organizer, this.admins, this.attendees, this.summary, this.description,
				this.reminders, this.location, this.startTime, this.endTime, this.isWholeDay, this.calId, this.status);
	}

	/** The same schedule, with a description. */
	public Schedule withDescription(String description) {
		return new Schedule(this.scheduleId, this.organizer, this.admins, this.attendees, this.summary, description,
				this.reminders, this.location, this.startTime, this.endTime, this.isWholeDay, this.calId, this.status);
	}

	/** The same schedule, at a place. */
	public Schedule withLocation(String location) {
		return new Schedule(this.scheduleId, this.organizer, this.admins, this.attendees, this.summary,
				this.description, this.reminders, location, this.startTime, this.endTime, this.isWholeDay, this.calId,
				this.status);
	}

	/** The same schedule, with reminders and repetition. */
	public Schedule withReminders(Reminders reminders) {
		return new Schedule(this.scheduleId, this.organizer, this.admins, this.attendees, this.summary,
				this.description, reminders, this.location, this.startTime, this.endTime, this.isWholeDay, this.calId,
				this.status);
	}

	/** The same schedule, in this calendar. */
	public Schedule withCalendar(String calId) {
		return new Schedule(this.scheduleId, this.organizer, this.admins, this.attendees, this.summary,
				this.description, this.reminders, this.location, this.startTime, this.endTime, this.isWholeDay, calId,
				this.status);
	}

	/**
	 * An attendee.
	 * @param responseStatus in answers: 0 not yet, 1 accepted, 2 tentative, 3 declined
	 */
	public record Attendee(String userid, Integer responseStatus) {

		/** An attendee to invite. */
		public static Attendee of(String userid) {
			return new Attendee(userid, null);
		}

	}

	/**
	 * Reminders and repetition.
	 * @param remindBeforeEventSecs 0, 300, 900, 3600 or 86400
	 * @param repeatType 0 daily, 1 weekly, 2 monthly, 5 yearly, 7 working days
	 * @param repeatUntil Unix seconds
	 * @param repeatDayOfWeek 1 Monday to 7 Sunday
	 * @param timezone hours from UTC, 8 for China
	 */
	public record Reminders(Integer isRemind, Long remindBeforeEventSecs, List<Long> remindTimeDiffs,
			Integer isRepeat, Integer repeatType, Long repeatUntil, Integer isCustomRepeat, Integer repeatInterval,
			List<Integer> repeatDayOfWeek, List<Integer> repeatDayOfMonth, Integer timezone,
			List<ExcludedTime> excludeTimeList) {

		/** A reminder this many seconds before the start, without repetition. */
		public static Reminders before(long seconds) {
			return new Reminders(1, seconds, null, 0, null, null, null, null, null, null, null, null);
		}

	}

	/** An occurrence of a repeating schedule that was removed, by its start time. */
	public record ExcludedTime(Long startTime) {
	}

}

package dev.wxwork.api.schedule;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Schedules in members' calendars (日程). */
@HttpExchange("/cgi-bin/oa/schedule")
public interface ScheduleApi {

	/** Creates a schedule and answers its id (doc 93648). */
	@WeComDoc("93648")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/add")
	CreatedSchedule add(@RequestBody NewSchedule schedule);

	/** Creates a schedule in the name of an app and answers its id (doc 93648). */
	@WeComDoc("93648")
	default String add(Schedule schedule, Long agentid) {
		return add(new NewSchedule(schedule, agentid)).scheduleId();
	}

	/** Changes a schedule; its organizer and calendar cannot change (doc 93648). */
	@WeComDoc("93648")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/update")
	void update(@RequestBody ScheduleUpdate update);

	/** Cancels a schedule (doc 93648). */
	@WeComDoc("93648")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/del")
	void delete(@RequestBody ScheduleRef schedule);

	/** Cancels a schedule (doc 93648). */
	@WeComDoc("93648")
	default void delete(String scheduleId) {
		delete(new ScheduleRef(scheduleId));
	}

	/** Up to 1000 schedules by id (doc 93648). */
	@WeComDoc("93648")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get")
	ScheduleList get(@RequestBody ScheduleIds ids);

	/** Up to 1000 schedules by id (doc 93648). */
	@WeComDoc("93648")
	default List<Schedule> get(List<String> scheduleIds) {
		return get(new ScheduleIds(scheduleIds)).scheduleList();
	}

	/** The body of oa/schedule/add; {@code agentid} makes the app the schedule's creator. */
	record NewSchedule(Schedule schedule, Long agentid) {
	}

	/** The answer of oa/schedule/add. */
	record CreatedSchedule(String scheduleId) {
	}

	/**
	 * The body of oa/schedule/update.
	 * @param skipAttendees true to leave the attendees as they are
	 * @param opMode for a repeating schedule: 0 all occurrences, 1 this one only, 2 this and later ones
	 * @param opStartTime the start of the occurrence {@code opMode} 1 or 2 refers to
	 */
	record ScheduleUpdate(Boolean skipAttendees, Integer opMode, Long opStartTime, Schedule schedule) {

		/** Changes every occurrence of the schedule, attendees included. */
		public static ScheduleUpdate of(Schedule schedule) {
			return new ScheduleUpdate(null, null, null, schedule);
		}

	}

	/** A request body naming a schedule. */
	record ScheduleRef(String scheduleId) {
	}

	/** A request body naming schedules. */
	record ScheduleIds(List<String> scheduleIdList) {
	}

	/** The answer of oa/schedule/get. */
	record ScheduleList(List<Schedule> scheduleList) {
	}

}

package dev.wxwork.api.schedule;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void addSendsTheScheduleAndTheAppAndAnswersTheId() {
		this.wecom.respond("/cgi-bin/oa/schedule/add",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"schedule_id\":\"17c7d2bd9f20d652840f72f59e796AAA\"}");
		Schedule schedule = Schedule.of("需求评审会议", 1571274600, 1571320210, List.of(Schedule.Attendee.of("userid2")))
			.withDescription("2.0版本需求初步评审")
			.withLocation("广州国际媒体港10楼1005会议室")
			.withCalendar("wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA")
			.withReminders(Schedule.Reminders.before(3600));
		String id = this.agent.schedules().add(schedule, this.agent.requireAgentId());
		assertThat(id).isEqualTo("17c7d2bd9f20d652840f72f59e796AAA");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/schedule/add").bodyText())).isEqualTo(json("""
				{"schedule":{"attendees":[{"userid":"userid2"}],"summary":"需求评审会议","description":"2.0版本需求初步评审",
				"reminders":{"is_remind":1,"remind_before_event_secs":3600,"is_repeat":0},
				"location":"广州国际媒体港10楼1005会议室","start_time":1571274600,"end_time":1571320210,
				"cal_id":"wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA"},"agentid":1000002}"""));
	}

	@Test
	void updateAndDeleteNameTheSchedule() {
		this.wecom.respond("/cgi-bin/oa/schedule/update", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.wecom.respond("/cgi-bin/oa/schedule/del", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		Schedule changed = Schedule.of("test_summary", 1571274600, 1571320210, List.of(Schedule.Attendee.of("userid2")))
			.withScheduleId("17c7d2bd9f20d652840f72f59e796AAA");
		this.agent.schedules().update(new ScheduleApi.ScheduleUpdate(true, 1, 1571274600L, changed));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/schedule/update").bodyText())).isEqualTo(json("""
				{"skip_attendees":true,"op_mode":1,"op_start_time":1571274600,"schedule":{
				"schedule_id":"17c7d2bd9f20d652840f72f59e796AAA","attendees":[{"userid":"userid2"}],
				"summary":"test_summary","start_time":1571274600,"end_time":1571320210}}"""));
		this.agent.schedules().delete("17c7d2bd9f20d652840f72f59e796AAA");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/schedule/del").bodyText()))
			.isEqualTo(json("{\"schedule_id\":\"17c7d2bd9f20d652840f72f59e796AAA\"}"));
	}

	@Test
	void getReadsSchedulesWithRemindersAndResponses() {
		this.wecom.respond("/cgi-bin/oa/schedule/get", """
				{"errcode":0,"errmsg":"ok","schedule_list":[{"schedule_id":"17c7d2bd9f20d652840f72f59e796AAA",
				"organizer":"userid1","admins":["admin1"],"attendees":[{"userid":"userid2","response_status":1}],
				"summary":"test_summary","description":"test_description","reminders":{"is_remind":1,"is_repeat":1,
				"remind_before_event_secs":3600,"remind_time_diffs":[-3600],"repeat_until":1606976813,
				"is_custom_repeat":1,"repeat_interval":1,"repeat_day_of_week":[3,7],"repeat_day_of_month":[10,21],
				"timezone":8,"repeat_type":7,"exclude_time_list":[{"start_time":1571361000}]},"location":"test_place",
				"cal_id":"wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA","start_time":1571274600,"end_time":1571320210,
				"status":1,"is_whole_day":0}]}""");
		List<Schedule> schedules = this.agent.schedules().get(List.of("17c7d2bd9f20d652840f72f59e796AAA"));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/schedule/get").bodyText()))
			.isEqualTo(json("{\"schedule_id_list\":[\"17c7d2bd9f20d652840f72f59e796AAA\"]}"));
		Schedule schedule = schedules.get(0);
		assertThat(schedule.organizer()).isEqualTo("userid1");
		assertThat(schedule.attendees()).containsExactly(new Schedule.Attendee("userid2", 1));
		assertThat(schedule.reminders().repeatType()).isEqualTo(7);
		assertThat(schedule.reminders().remindTimeDiffs()).containsExactly(-3600L);
		assertThat(schedule.reminders().repeatDayOfWeek()).containsExactly(3, 7);
		assertThat(schedule.reminders().excludeTimeList()).containsExactly(new Schedule.ExcludedTime(1571361000L));
		assertThat(schedule.status()).isEqualTo(1);
	}

}

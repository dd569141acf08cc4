package dev.wxwork.api.oa;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class CheckinApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void getCheckinDataSendsThePeriodAndMembersAndReadsTheRecords() {
		this.wecom.respond("/cgi-bin/checkin/getcheckindata", """
				{"errcode":0,"errmsg":"ok","checkindata":[{"userid":"james","groupname":"打卡一组","checkin_type":"上班打卡",
				"exception_type":"地点异常","checkin_time":1492617610,"location_title":"依澜府",
				"location_detail":"四川省成都市武侯区益州大道中段784号附近","wifiname":"办公一区","notes":"路上堵车，迟到了5分钟",
				"wifimac":"3c:46:d8:0c:7a:70","mediaids":["WWCISP_G8PYgRaOVHjXWUWFqchpBqqqUpGj0OyR9z6WTwhnMZGCPHxyviVstiv_2fTG8YOJq8L8zJT2T2OvTebANV-2MQ"],
				"sch_checkin_time":1492617000,"groupid":1,"schedule_id":0,"timeline_id":2,"lat":30547645,"lng":104063236,
				"deviceid":"E5FA89F6-3926-4972-BE4F-4A7ACF4701E2"}]}""");
		List<CheckinDataList.CheckinRecord> records = this.agent.checkins()
			.getCheckinData(CheckinDataQuery.all(1492617600, 1492790400, List.of("james", "paul")))
			.checkindata();
		assertThat(json(this.wecom.lastRequest("/cgi-bin/checkin/getcheckindata").bodyText())).isEqualTo(json("""
				{"opencheckindatatype":3,"starttime":1492617600,"endtime":1492790400,"useridlist":["james","paul"]}"""));
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.userid()).isEqualTo("james");
			assertThat(record.checkinType()).isEqualTo("上班打卡");
			assertThat(record.exceptionType()).isEqualTo("地点异常");
			assertThat(record.checkinTime()).isEqualTo(1492617610L);
			assertThat(record.schCheckinTime()).isEqualTo(1492617000L);
			assertThat(record.locationTitle()).isEqualTo("依澜府");
			assertThat(record.wifimac()).isEqualTo("3c:46:d8:0c:7a:70");
			assertThat(record.mediaids()).hasSize(1);
			assertThat(record.lat()).isEqualTo(30547645L);
			assertThat(record.timelineId()).isEqualTo(2L);
		});
	}

	@Test
	void getCheckinOptionReadsTheRulesPerMember() {
		this.wecom.respond("/cgi-bin/checkin/getcheckinoption", """
				{"errcode":0,"errmsg":"ok","info":[{"userid":"james","group":{"grouptype":1,"groupid":69,
				"checkindate":[{"workdays":[1,2,3,4,5],"checkintime":[{"work_sec":36000,"off_work_sec":43200,
				"remind_work_sec":35400,"remind_off_work_sec":43200}],"flex_time":300000,"noneed_offwork":true,
				"limit_aheadtime":10800000}],"spe_workdays":[{"timestamp":1512144000,"notes":"必须打卡的日期",
				"checkintime":[{"work_sec":32400,"off_work_sec":61200,"remind_work_sec":31800,"remind_off_work_sec":61200}]}],
				"spe_offdays":[{"timestamp":1512057600,"notes":"不需要打卡的日期","checkintime":[]}],"sync_holidays":true,
				"groupname":"打卡规则1","need_photo":true,"wifimac_infos":[{"wifiname":"Tencent-WiFi-1",
				"wifimac":"c0:7b:bc:37:f8:d3"}],"note_can_use_local_pic":false,"allow_checkin_offworkday":true,
				"allow_apply_offworkday":true,"loc_infos":[{"lat":30547030,"lng":104062890,"loc_title":"腾讯成都大厦",
				"loc_detail":"四川省成都市武侯区高新南区天府三街","distance":300}]}}]}""");
		List<CheckinOptionList.MemberRule> rules = this.agent.checkins()
			.getCheckinOption(new CheckinOptionQuery(1511971200, List.of("james")))
			.info();
		assertThat(json(this.wecom.lastRequest("/cgi-bin/checkin/getcheckinoption").bodyText()))
			.isEqualTo(json("{\"datetime\":1511971200,\"useridlist\":[\"james\"]}"));
		CheckinOptionList.CheckinGroup group = rules.get(0).group();
		assertThat(group.groupname()).isEqualTo("打卡规则1");
		assertThat(group.checkindate().get(0).workdays()).containsExactly(1, 2, 3, 4, 5);
		assertThat(group.checkindate().get(0).checkintime())
			.containsExactly(new CheckinOptionList.CheckinTime(36000L, 43200L, 35400L, 43200L));
		assertThat(group.checkindate().get(0).flexTime()).isEqualTo(300000L);
		assertThat(group.speWorkdays().get(0).notes()).isEqualTo("必须打卡的日期");
		assertThat(group.speOffdays().get(0).timestamp()).isEqualTo(1512057600L);
		assertThat(group.wifimacInfos()).containsExactly(new CheckinOptionList.WifiMac("Tencent-WiFi-1", "c0:7b:bc:37:f8:d3"));
		assertThat(group.locInfos().get(0).locTitle()).isEqualTo("腾讯成都大厦");
		assertThat(group.locInfos().get(0).distance()).isEqualTo(300L);
		assertThat(group.allowCheckinOffworkday()).isTrue();
	}

	@Test
	void readsAnyNumberOfMembersOverAnyPeriodWithinWeComsLimitsPerCall() {
		this.wecom.route("/cgi-bin/checkin/getcheckindata", (request) -> {
			JsonNode body = json(request.bodyText());
			return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"checkindata\":[{\"userid\":\""
					+ body.get("useridlist").get(0).asString() + "\",\"checkin_time\":" + body.get("starttime").asLong()
					+ "}]}");
		});
		List<String> members = IntStream.range(0, 250).mapToObj((i) -> "user" + i).toList();
		long day = 24 * 60 * 60;
		List<CheckinDataList.CheckinRecord> records = this.agent.checkins()
			.getAllCheckinData(CheckinDataQuery.all(0, 45 * day, members));
		List<WeComStandIn.RecordedRequest> requests = this.wecom.requests("/cgi-bin/checkin/getcheckindata");
		assertThat(requests).hasSize(6);
		assertThat(requests).allSatisfy((request) -> {
			JsonNode body = json(request.bodyText());
			assertThat(body.get("useridlist").size()).isLessThanOrEqualTo(100);
			assertThat(body.get("endtime").asLong() - body.get("starttime").asLong()).isLessThanOrEqualTo(30 * day);
			assertThat(body.get("opencheckindatatype").asInt()).isEqualTo(3);
		});
		assertThat(requests).extracting((request) -> json(request.bodyText()).get("useridlist").size())
			.containsExactly(100, 100, 100, 100, 50, 50);
		assertThat(json(requests.get(1).bodyText()).get("starttime").asLong()).isEqualTo(30 * day);
		assertThat(json(requests.get(1).bodyText()).get("endtime").asLong()).isEqualTo(45 * day);
		assertThat(records).extracting(CheckinDataList.CheckinRecord::userid)
			.containsExactly("user0", "user0", "user100", "user100", "user200", "user200");
	}

}

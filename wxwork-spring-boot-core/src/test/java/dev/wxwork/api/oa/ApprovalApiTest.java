package dev.wxwork.api.oa;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void templateDetailReadsTheControlsAndTheirConfiguration() {
		this.wecom.respond("/cgi-bin/oa/gettemplatedetail", """
				{"errcode":0,"errmsg":"ok","template_names":[{"text":"全字段","lang":"zh_CN"}],
				"template_content":{"controls":[
				 {"property":{"control":"Selector","id":"Selector-15111111111","title":[{"text":"单选控件","lang":"zh_CN"}],
				  "placeholder":[{"text":"这是单选控件的说明","lang":"zh_CN"}],"require":0,"un_print":0},
				  "config":{"selector":{"type":"single","exp_type":0,"options":[{"key":"option-15111111111",
				  "value":[{"text":"选项1","lang":"zh_CN"}]}]}}},
				 {"property":{"control":"Contact","id":"Contact-15111111111","title":[{"text":"成员控件","lang":"zh_CN"}],
				  "require":1,"un_print":0},"config":{"contact":{"type":"multi","mode":"user"}}},
				 {"property":{"control":"Table","id":"Table-15111111111","title":[{"text":"明细","lang":"zh_CN"}],
				  "require":0,"un_print":0},"config":{"table":{"children":[{"property":{"control":"Text",
				  "id":"Text-15111111112","title":[{"text":"说明","lang":"zh_CN"}],"require":0,"un_print":0}}]}}}]}}""");
		ApprovalTemplate template = this.agent.approvals().getTemplateDetail("ZLqk8pcsAoXZ1eYa6vpAgfX28MPdYU3ayMaSPHaaa");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/gettemplatedetail").bodyText()))
			.isEqualTo(json("{\"template_id\":\"ZLqk8pcsAoXZ1eYa6vpAgfX28MPdYU3ayMaSPHaaa\"}"));
		assertThat(template.templateNames()).containsExactly(LocalizedText.zh("全字段"));
		List<ApprovalTemplate.TemplateControl> controls = template.templateContent().controls();
		assertThat(controls).hasSize(3);
		assertThat(controls.get(0).property().placeholder()).containsExactly(LocalizedText.zh("这是单选控件的说明"));
		assertThat(controls.get(0).config().selector().options().get(0).key()).isEqualTo("option-15111111111");
		assertThat(controls.get(1).property().require()).isEqualTo(1);
		assertThat(controls.get(1).config().contact()).isEqualTo(new ApprovalTemplate.ContactConfig("multi", "user"));
		assertThat(controls.get(2).config().table().children().get(0).property().id()).isEqualTo("Text-15111111112");
	}

	@Test
	void applyEventSendsTheApplicationAsWeComDocumentsIt() {
		this.wecom.respond("/cgi-bin/oa/applyevent", "{\"errcode\":0,\"errmsg\":\"ok\",\"sp_no\":\"202001010001\"}");
		ApprovalApplication application = ApprovalApplication
			.withApprovers("WangXiaoMing", "3Tka1eD6v6JfzhDMqPd3aMkFdxqtJMc2ZRioeFXkaaa",
					List.of(new ApprovalApplication.Approver(2, List.of("WuJunJie", "WangXiaoMing"))),
					List.of(ApprovalContent.of("Text", "Text-15111111111", ApprovalControlValue.ofText("文本填写的内容")),
							ApprovalContent.of("Money", "Money-15111111111", ApprovalControlValue.ofMoney("700.00")),
							ApprovalContent.of("Date", "Date-15111111111",
									ApprovalControlValue.ofDate("day", 1569859200)),
							ApprovalContent.of("Selector", "Selector-15111111111",
									ApprovalControlValue.ofSelection("single", List.of("option-15111111111"))),
							ApprovalContent.of("File", "File-15111111111",
									ApprovalControlValue.ofFiles(List.of("MEDIA_ID")))),
					List.of(ApprovalApplication.Summary.of("摘要第1行")))
			.withNotified(List.of("WuJunJie", "WangXiaoMing"), 1);
		String spNo = this.agent.approvals().applyEvent(application).spNo();
		assertThat(spNo).isEqualTo("202001010001");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/applyevent").bodyText())).isEqualTo(json("""
				{"creator_userid":"WangXiaoMing","template_id":"3Tka1eD6v6JfzhDMqPd3aMkFdxqtJMc2ZRioeFXkaaa",
				"use_template_approver":0,"approver":[{"attr":2,"userid":["WuJunJie","WangXiaoMing"]}],
				"notifyer":["WuJunJie","WangXiaoMing"],"notify_type":1,
				"apply_data":{"contents":[
				 {"control":"Text","id":"Text-15111111111","value":{"text":"文本填写的内容"}},
				 {"control":"Money","id":"Money-15111111111","value":{"new_money":"700.00"}},
				 {"control":"Date","id":"Date-15111111111","value":{"date":{"type":"day","s_timestamp":"1569859200"}}},
				 {"control":"Selector","id":"Selector-15111111111","value":{"selector":{"type":"single",
				  "options":[{"key":"option-15111111111"}]}}},
				 {"control":"File","id":"File-15111111111","value":{"files":[{"file_id":"MEDIA_ID"}]}}]},
				"summary_list":[{"summary_info":[{"text":"摘要第1行","lang":"zh_CN"}]}]}"""));
	}

	@Test
	void walksEveryPageOfApplicationNumbersByCursor() {
		this.wecom.route("/cgi-bin/oa/getapprovalinfo", (request) -> {
			String cursor = json(request.bodyText()).get("new_cursor").asString();
			return Answer.json(switch (cursor) {
				case "" -> "{\"errcode\":0,\"errmsg\":\"ok\",\"sp_no_list\":[\"1\",\"2\"],\"new_next_cursor\":\"c1\"}";
				case "c1" -> "{\"errcode\":0,\"errmsg\":\"ok\",\"sp_no_list\":[\"3\"],\"new_next_cursor\":\"c2\"}";
				default -> "{\"errcode\":0,\"errmsg\":\"ok\",\"sp_no_list\":[\"4\"],\"new_next_cursor\":\"\"}";
			});
		});
		ApprovalNumberQuery query = ApprovalNumberQuery.of(1569546000, 1569718800)
			.withFilters(List.of(new ApprovalNumberQuery.Filter("sp_status", "1")));
		assertThat(this.agent.approvals().getAllApprovalNumbers(query)).containsExactly("1", "2", "3", "4");
		List<WeComStandIn.RecordedRequest> requests = this.wecom.requests("/cgi-bin/oa/getapprovalinfo");
		assertThat(requests).extracting((request) -> json(request.bodyText()).get("new_cursor").asString())
			.containsExactly("", "c1", "c2");
		assertThat(json(requests.get(1).bodyText())).isEqualTo(json("""
				{"starttime":1569546000,"endtime":1569718800,"new_cursor":"c1","size":100,
				"filters":[{"key":"sp_status","value":"1"}]}"""));
	}

	@Test
	void approvalDetailReadsStepsContentsAndComments() {
		this.wecom.respond("/cgi-bin/oa/getapprovaldetail", """
				{"errcode":0,"errmsg":"ok","info":{"sp_no":"201909270002","sp_name":"全字段","sp_status":1,
				"template_id":"Bs5KJ2NT4ncf4ZygaE8MB3779yUW8nsMaJd3mmE9v","apply_time":1569584428,
				"applyer":{"userid":"WuJunJie","partyid":"2"},
				"sp_record":[{"sp_status":1,"approverattr":1,"details":[{"approver":{"userid":"WuJunJie"},"speech":"",
				"sp_status":1,"sptime":0,"media_id":[]}]}],
				"notifyer":[{"userid":"LiuXiaoLi"}],
				"apply_data":{"contents":[{"control":"Text","id":"Text-15111111111",
				"title":[{"text":"文本控件","lang":"zh_CN"}],"value":{"text":"111"}},
				{"control":"Contact","id":"Contact-15111111111","title":[{"text":"成员控件","lang":"zh_CN"}],
				"value":{"members":[{"userid":"WuJunJie","name":"Jackie"}]}}]},
				"comments":[{"commentUserInfo":{"userid":"WuJunJie"},"commenttime":1569584111,
				"commentcontent":"这是备注信息","commentid":"6741314136717778040","media_id":["WWCISP_Xa1dXIyC9VC2vGTXyBjUXh4GQ31G-a7jilEjFjkYBfncSJv0kM1cZAIXULWbbtosVqA7hprZIUkl4GP0DYZKDrIay9vCzeQelmmHiczwfn80v51EtuNouzBhUBTWo9oQIIzsSftjaVmd4EC_dj5-rayfDl6yIIRdoUs1V_Gz6Pi3yH37ELOgLNAPYUSJpA6V190Xunl7b0s5K5XC9c7eX5vlJek38rB_a2K-kMFMiM1mHDqnltoPa_NT9QynXuHi"]}]}}""");
		ApprovalDetail.Info info = this.agent.approvals().getApprovalDetail("201909270002").info();
		assertThat(json(this.wecom.lastRequest("/cgi-bin/oa/getapprovaldetail").bodyText()))
			.isEqualTo(json("{\"sp_no\":\"201909270002\"}"));
		assertThat(info.spStatus()).isEqualTo(1);
		assertThat(info.applyer()).isEqualTo(new ApprovalDetail.Applyer("WuJunJie", "2"));
		assertThat(info.spRecord().get(0).details().get(0).approver().userid()).isEqualTo("WuJunJie");
		assertThat(info.notifyer()).containsExactly(new ApprovalDetail.Member("LiuXiaoLi"));
		assertThat(info.applyData().contents().get(0).title()).containsExactly(LocalizedText.zh("文本控件"));
		assertThat(info.applyData().contents().get(0).value().text()).isEqualTo("111");
		assertThat(info.applyData().contents().get(1).value().members())
			.containsExactly(new ApprovalControlValue.Member("WuJunJie", "Jackie"));
		ApprovalDetail.Comment comment = info.comments().get(0);
		assertThat(comment.commentUserInfo().userid()).isEqualTo("WuJunJie");
		assertThat(comment.commentcontent()).isEqualTo("这是备注信息");
		assertThat(comment.mediaId()).hasSize(1);
	}

}

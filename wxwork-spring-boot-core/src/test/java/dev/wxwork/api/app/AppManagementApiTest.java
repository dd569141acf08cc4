package dev.wxwork.api.app;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class AppManagementApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void getReadsTheAppAndItsVisibleRange() {
		this.wecom.respond("/cgi-bin/agent/get", """
				{"errcode":0,"errmsg":"ok","agentid":1000005,"name":"HR助手",
				"square_logo_url":"https://p.qlogo.cn/bizmail/FxxxQ/0","description":"HR服务与员工自助平台",
				"allow_userinfos":{"user":[{"userid":"zhangshan"},{"userid":"lisi"}]},
				"allow_partys":{"partyid":[1]},"allow_tags":{"tagid":[1,2,3]},"close":0,
				"redirect_domain":"open.work.weixin.qq.com","report_location_flag":0,"isreportenter":0,
				"home_url":"https://open.work.weixin.qq.com","customized_publish_status":1}""");
		AgentDetail detail = this.agent.apps().get(this.agent.requireAgentId());
		assertThat(this.wecom.lastRequest("/cgi-bin/agent/get").param("agentid")).isEqualTo("1000002");
		assertThat(detail.name()).isEqualTo("HR助手");
		assertThat(detail.squareLogoUrl()).isEqualTo("https://p.qlogo.cn/bizmail/FxxxQ/0");
		assertThat(detail.allowUserinfos().user()).extracting(AgentDetail.AllowedUser::userid)
			.containsExactly("zhangshan", "lisi");
		assertThat(detail.allowPartys().partyid()).containsExactly(1L);
		assertThat(detail.allowTags().tagid()).containsExactly(1L, 2L, 3L);
		assertThat(detail.redirectDomain()).isEqualTo("open.work.weixin.qq.com");
		assertThat(detail.homeUrl()).isEqualTo("https://open.work.weixin.qq.com");
		assertThat(detail.customizedPublishStatus()).isEqualTo(1);
		assertThat(detail.isreportenter()).isZero();
	}

	@Test
	void listReadsTheApps() {
		this.wecom.respond("/cgi-bin/agent/list", """
				{"errcode":0,"errmsg":"ok","agentlist":[{"agentid":1000005,"name":"HR助手",
				"square_logo_url":"https://p.qlogo.cn/bizmail/FxxxQ/0"}]}""");
		assertThat(this.agent.apps().list().agentlist())
			.containsExactly(new AgentList.AgentSummary(1000005L, "HR助手", "https://p.qlogo.cn/bizmail/FxxxQ/0"));
	}

	@Test
	void setSendsOnlyTheChangedSettings() {
		this.wecom.respond("/cgi-bin/agent/set", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.apps()
			.set(AgentSettings.of(1000005).withName("财经助手").withReportLocation(false).withHomeUrl("https://h.example.com"));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/set").bodyText())).isEqualTo(json("""
				{"agentid":1000005,"report_location_flag":0,"name":"财经助手","home_url":"https://h.example.com"}"""));
	}

	@Test
	void setSendsTheLogoAndTheOtherDocumentedSettingNames() {
		// agent/set (doc 90228) names the logo logo_mediaid, one word after "logo_", not logo_media_id.
		this.wecom.respond("/cgi-bin/agent/set", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.apps()
			.set(AgentSettings.of(1000005)
				.withLogoMediaid("j5Y8X5yocspvBHcgXMSS6z1Cn9RQKREEJr4ecgLHi4YHOYP-a9k-ORz9jC3KD4G1")
				.withDescription("内部财经服务平台")
				.withRedirectDomain("open.work.weixin.qq.com")
				.withReportEnter(true));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/set").bodyText())).isEqualTo(json("""
				{"agentid":1000005,"logo_mediaid":"j5Y8X5yocspvBHcgXMSS6z1Cn9RQKREEJr4ecgLHi4YHOYP-a9k-ORz9jC3KD4G1",
				 "description":"内部财经服务平台","redirect_domain":"open.work.weixin.qq.com","isreportenter":1}"""));
	}

	@Test
	void menuCreateSendsTheAgentIdAsParameterAndNestedButtons() {
		this.wecom.respond("/cgi-bin/menu/create", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.menus()
			.create(this.agent.requireAgentId(),
					Menu.of(MenuButton.click("今日歌曲", "V1001_TODAY_MUSIC"),
							MenuButton.group("菜单", MenuButton.view("搜索", "http://www.soso.com/"),
									MenuButton.click("赞一下我们", "V1001_GOOD"),
									MenuButton.miniProgram("小程序", "wx8bd80126147dfAAA", "/index"))));
		WeComStandIn.RecordedRequest request = this.wecom.lastRequest("/cgi-bin/menu/create");
		assertThat(request.param("agentid")).isEqualTo("1000002");
		assertThat(json(request.bodyText())).isEqualTo(json("""
				{"button":[
				  {"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC"},
				  {"name":"菜单","sub_button":[
				    {"type":"view","name":"搜索","url":"http://www.soso.com/"},
				    {"type":"click","name":"赞一下我们","key":"V1001_GOOD"},
				    {"type":"view_miniprogram","name":"小程序","pagepath":"/index","appid":"wx8bd80126147dfAAA"}]}]}"""));
	}

	@Test
	void menuGetReadsNestedButtonsAndDeleteNamesTheApp() {
		this.wecom.respond("/cgi-bin/menu/get", """
				{"errcode":0,"errmsg":"ok","button":[{"type":"click","name":"今日歌曲","key":"V1001_TODAY_MUSIC",
				"sub_button":[]},{"name":"菜单","sub_button":[{"type":"scancode_push","name":"扫码","key":"rselfmenu_0_1",
				"sub_button":[]}]}]}""");
		this.wecom.respond("/cgi-bin/menu/delete", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		Menu menu = this.agent.menus().get(1000002);
		assertThat(this.wecom.lastRequest("/cgi-bin/menu/get").param("agentid")).isEqualTo("1000002");
		assertThat(menu.button()).hasSize(2);
		assertThat(menu.button().get(1).subButton())
			.containsExactly(new MenuButton("scancode_push", "扫码", "rselfmenu_0_1", null, null, null, List.of()));
		this.agent.menus().delete(1000002);
		assertThat(this.wecom.lastRequest("/cgi-bin/menu/delete").param("agentid")).isEqualTo("1000002");
	}

	@Test
	void workbenchTemplateIsSetAndReadBack() {
		this.wecom.respond("/cgi-bin/agent/set_workbench_template", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.wecom.respond("/cgi-bin/agent/get_workbench_template", """
				{"errcode":0,"errmsg":"ok","type":"image","image":{"url":"xxxx","jump_url":"http://www.qq.com",
				"pagepath":"pages/index"},"replace_user_data":true}""");
		this.agent.apps()
			.setWorkbenchTemplate(WorkbenchTemplate
				.keyData(1000002, List.of(new WorkbenchTemplate.KeyDataItem("待审批", "2", "http://www.qq.com", null)))
				.withReplaceUserData(true));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/set_workbench_template").bodyText())).isEqualTo(json("""
				{"agentid":1000002,"type":"keydata","keydata":{"items":[{"key":"待审批","data":"2",
				"jump_url":"http://www.qq.com"}]},"replace_user_data":true}"""));
		WorkbenchTemplate template = this.agent.apps().getWorkbenchTemplate(1000002);
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/get_workbench_template").bodyText()))
			.isEqualTo(json("{\"agentid\":1000002}"));
		assertThat(template.type()).isEqualTo("image");
		assertThat(template.image()).isEqualTo(new WorkbenchTemplate.Image("xxxx", "http://www.qq.com", "pages/index"));
		assertThat(template.replaceUserData()).isTrue();
	}

	@Test
	void webviewTemplateSendsHeightAndHideTitle() {
		// set_workbench_template (doc 92535): webview {url, jump_url, pagepath, height: "single_row"|"double_row",
		// hide_title: true|false}.
		this.wecom.respond("/cgi-bin/agent/set_workbench_template", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.apps()
			.setWorkbenchTemplate(WorkbenchTemplate.webview(1000002,
					new WorkbenchTemplate.Webview("http://www.qq.com", "http://www.qq.com", "pages/index", "double_row",
							true)));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/set_workbench_template").bodyText())).isEqualTo(json("""
				{"agentid":1000002,"type":"webview","webview":{"url":"http://www.qq.com","jump_url":"http://www.qq.com",
				 "pagepath":"pages/index","height":"double_row","hide_title":true}}"""));
	}

	@Test
	void workbenchDataIsSetForOneMember() {
		this.wecom.respond("/cgi-bin/agent/set_workbench_data", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.apps()
			.setWorkbenchData(WorkbenchData.list(1000002, "test",
					List.of(new WorkbenchTemplate.ListItem("智慧制造", "http://www.qq.com", null))));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/agent/set_workbench_data").bodyText())).isEqualTo(json("""
				{"agentid":1000002,"userid":"test","type":"list",
				"list":{"items":[{"title":"智慧制造","jump_url":"http://www.qq.com"}]}}"""));
	}

}

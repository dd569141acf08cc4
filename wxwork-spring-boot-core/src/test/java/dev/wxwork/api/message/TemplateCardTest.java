package dev.wxwork.api.message;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.wxwork.testing.StandInAgent;
import dev.wxwork.api.message.TemplateCard.ActionMenuItem;
import dev.wxwork.api.message.TemplateCard.Button;
import dev.wxwork.api.message.TemplateCard.ButtonSelection;
import dev.wxwork.api.message.TemplateCard.CardAction;
import dev.wxwork.api.message.TemplateCard.Checkbox;
import dev.wxwork.api.message.TemplateCard.CheckboxOption;
import dev.wxwork.api.message.TemplateCard.HorizontalContent;
import dev.wxwork.api.message.TemplateCard.ImageTextArea;
import dev.wxwork.api.message.TemplateCard.Jump;
import dev.wxwork.api.message.TemplateCard.Option;
import dev.wxwork.api.message.TemplateCard.QuoteArea;
import dev.wxwork.api.message.TemplateCard.Select;
import dev.wxwork.api.message.TemplateCard.Source;
import dev.wxwork.api.message.TemplateCard.VerticalContent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Every template card type and its nested structures, as the examples of doc 90236 and 94888 show them. */
class TemplateCardTest {

	private static final String SEND = "/cgi-bin/message/send";

	private static final String UPDATE = "/cgi-bin/message/update_template_card";

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("s3cr3t");

	private AppMessages messages;

	@BeforeEach
	void setUp() {
		this.messages = StandInAgent.of(this.wecom, 1L).messages();
		this.wecom.respond(SEND, """
				{"errcode":0,"errmsg":"ok","invaliduser":"","msgid":"m1","response_code":"rc-1"}""");
	}

	@AfterEach
	void close() {
		this.wecom.close();
	}

	private SendResult send(TemplateCard card) {
		return this.messages.send(AppMessage.templateCard(card).toUsers("UserID1", "UserID2").build());
	}

	private void assertCardSent(String expectedCard) {
		JsonNode sent = json(this.wecom.lastRequest(SEND).bodyText());
		assertThat(sent.get("msgtype").asString()).isEqualTo("template_card");
		assertThat(sent.get("touser").asString()).isEqualTo("UserID1|UserID2");
		assertThat(sent.get("agentid").asLong()).isEqualTo(1L);
		assertThat(sent.get("template_card")).isEqualTo(json(expectedCard));
	}

	@Test
	void sendsATextNoticeWithEveryPart() {
		SendResult result = send(TemplateCard.textNotice()
			.source(new Source("https://example.com/icon.png", "企业微信", 1))
			.actionMenu("卡片副交互辅助文本说明", new ActionMenuItem("接收推送", "A"), new ActionMenuItem("不再推送", "B"))
			.taskId("task_id")
			.mainTitle("欢迎使用企业微信", "您的好友正在邀请您加入企业微信")
			.quoteArea(new QuoteArea(1, "https://work.weixin.qq.com", null, null, "企业微信的引用样式", "企业微信真好用呀真好用"))
			.emphasisContent("100", "核心数据")
			.subTitleText("下载企业微信还能抢红包！")
			.horizontalContent(HorizontalContent.of("邀请人", "张三"),
					new HorizontalContent(1, "企业微信官网", "点击访问", "https://work.weixin.qq.com", null, null),
					new HorizontalContent(2, "企业微信下载", "企业微信.apk", null, "文件的media_id", null),
					new HorizontalContent(3, "员工信息", "点击查看", null, null, "zhangsan"))
			.jumps(Jump.url("企业微信官网", "https://work.weixin.qq.com"),
					new Jump(2, "跳转小程序", null, "小程序的appid", "/index.html"))
			.cardAction(new CardAction(2, "https://work.weixin.qq.com", "小程序的appid", "/index.html"))
			.build());
		assertCardSent("""
				{"card_type":"text_notice",
				 "source":{"icon_url":"https://example.com/icon.png","desc":"企业微信","desc_color":1},
				 "action_menu":{"desc":"卡片副交互辅助文本说明","action_list":[{"text":"接收推送","key":"A"},{"text":"不再推送","key":"B"}]},
				 "task_id":"task_id",
				 "main_title":{"title":"欢迎使用企业微信","desc":"您的好友正在邀请您加入企业微信"},
				 "quote_area":{"type":1,"url":"https://work.weixin.qq.com","title":"企业微信的引用样式","quote_text":"企业微信真好用呀真好用"},
				 "emphasis_content":{"title":"100","desc":"核心数据"},
				 "sub_title_text":"下载企业微信还能抢红包！",
				 "horizontal_content_list":[
				   {"keyname":"邀请人","value":"张三"},
				   {"type":1,"keyname":"企业微信官网","value":"点击访问","url":"https://work.weixin.qq.com"},
				   {"type":2,"keyname":"企业微信下载","value":"企业微信.apk","media_id":"文件的media_id"},
				   {"type":3,"keyname":"员工信息","value":"点击查看","userid":"zhangsan"}],
				 "jump_list":[
				   {"type":1,"title":"企业微信官网","url":"https://work.weixin.qq.com"},
				   {"type":2,"title":"跳转小程序","appid":"小程序的appid","pagepath":"/index.html"}],
				 "card_action":{"type":2,"url":"https://work.weixin.qq.com","appid":"小程序的appid","pagepath":"/index.html"}}""");
		assertThat(result.responseCode()).isEqualTo("rc-1");
	}

	@Test
	void sendsANewsNoticeWithImageAndVerticalContent() {
		send(TemplateCard.newsNotice()
			.source(Source.of("https://example.com/icon.png", "企业微信"))
			.mainTitle("欢迎使用企业微信", "您的好友正在邀请您加入企业微信")
			.cardImage("https://example.com/card.png", 2.25)
			.imageTextArea(new ImageTextArea(1, "https://work.weixin.qq.com", null, null, "欢迎使用企业微信",
					"您的好友正在邀请您加入企业微信", "https://example.com/area.png"))
			.verticalContent(new VerticalContent("惊喜红包等你来拿", "下载企业微信还能抢红包！"))
			.horizontalContent(HorizontalContent.of("邀请人", "张三"))
			.jumps(Jump.url("企业微信官网", "https://work.weixin.qq.com"))
			.cardAction(CardAction.url("https://work.weixin.qq.com"))
			.build());
		assertCardSent("""
				{"card_type":"news_notice",
				 "source":{"icon_url":"https://example.com/icon.png","desc":"企业微信"},
				 "main_title":{"title":"欢迎使用企业微信","desc":"您的好友正在邀请您加入企业微信"},
				 "card_image":{"url":"https://example.com/card.png","aspect_ratio":2.25},
				 "image_text_area":{"type":1,"url":"https://work.weixin.qq.com","title":"欢迎使用企业微信",
				   "desc":"您的好友正在邀请您加入企业微信","image_url":"https://example.com/area.png"},
				 "vertical_content_list":[{"title":"惊喜红包等你来拿","desc":"下载企业微信还能抢红包！"}],
				 "horizontal_content_list":[{"keyname":"邀请人","value":"张三"}],
				 "jump_list":[{"type":1,"title":"企业微信官网","url":"https://work.weixin.qq.com"}],
				 "card_action":{"type":1,"url":"https://work.weixin.qq.com"}}""");
	}

	@Test
	void sendsAButtonInteractionWithSelectionAndButtons() {
		send(TemplateCard.buttonInteraction()
			.source(Source.of("https://example.com/icon.png", "企业微信"))
			.mainTitle("欢迎使用企业微信", "您的好友正在邀请您加入企业微信")
			.subTitleText("下载企业微信还能抢红包！")
			.horizontalContent(HorizontalContent.of("邀请人", "张三"))
			.cardAction(CardAction.url("https://work.weixin.qq.com"))
			.taskId("task_id")
			.buttonSelection(new ButtonSelection("question_key1", "标签", List.of(new Option("selection_id1", "A"),
					new Option("selection_id2", "B")), "selection_id1"))
			.buttons(new Button(null, "按钮1", 1, "button_key_1", null),
					new Button(1, "按钮2", 2, null, "https://work.weixin.qq.com"))
			.build());
		assertCardSent("""
				{"card_type":"button_interaction",
				 "source":{"icon_url":"https://example.com/icon.png","desc":"企业微信"},
				 "main_title":{"title":"欢迎使用企业微信","desc":"您的好友正在邀请您加入企业微信"},
				 "sub_title_text":"下载企业微信还能抢红包！",
				 "horizontal_content_list":[{"keyname":"邀请人","value":"张三"}],
				 "card_action":{"type":1,"url":"https://work.weixin.qq.com"},
				 "task_id":"task_id",
				 "button_selection":{"question_key":"question_key1","title":"标签",
				   "option_list":[{"id":"selection_id1","text":"A"},{"id":"selection_id2","text":"B"}],
				   "selected_id":"selection_id1"},
				 "button_list":[{"text":"按钮1","style":1,"key":"button_key_1"},
				   {"type":1,"text":"按钮2","style":2,"url":"https://work.weixin.qq.com"}]}""");
	}

	@Test
	void sendsAVoteInteractionWithCheckboxAndSubmitButton() {
		send(TemplateCard.voteInteraction()
			.source(Source.of("https://example.com/icon.png", "企业微信"))
			.mainTitle("欢迎使用企业微信", "您的好友正在邀请您加入企业微信")
			.taskId("task_id")
			.checkbox(new Checkbox("question_key1",
					List.of(new CheckboxOption("option_id1", "选择题选项1", true),
							new CheckboxOption("option_id2", "选择题选项2", false)),
					null, 1))
			.submitButton("提交", "key")
			.build());
		assertCardSent("""
				{"card_type":"vote_interaction",
				 "source":{"icon_url":"https://example.com/icon.png","desc":"企业微信"},
				 "main_title":{"title":"欢迎使用企业微信","desc":"您的好友正在邀请您加入企业微信"},
				 "task_id":"task_id",
				 "checkbox":{"question_key":"question_key1","option_list":[
				   {"id":"option_id1","text":"选择题选项1","is_checked":true},
				   {"id":"option_id2","text":"选择题选项2","is_checked":false}],"mode":1},
				 "submit_button":{"text":"提交","key":"key"}}""");
	}

	@Test
	void sendsAMultipleInteractionWithSelectLists() {
		send(TemplateCard.multipleInteraction()
			.source(Source.of("https://example.com/icon.png", "企业微信"))
			.mainTitle("欢迎使用企业微信", "您的好友正在邀请您加入企业微信")
			.taskId("task_id")
			.selects(new Select("question_key1", "选择器标签1", null, "selection_id1",
					List.of(new Option("selection_id1", "选择器选项1"), new Option("selection_id2", "选择器选项2"))),
					new Select("question_key2", "选择器标签2", null, "selection_id3",
							List.of(new Option("selection_id3", "选择器选项3"))))
			.submitButton("提交", "key")
			.build());
		assertCardSent("""
				{"card_type":"multiple_interaction",
				 "source":{"icon_url":"https://example.com/icon.png","desc":"企业微信"},
				 "main_title":{"title":"欢迎使用企业微信","desc":"您的好友正在邀请您加入企业微信"},
				 "task_id":"task_id",
				 "select_list":[
				   {"question_key":"question_key1","title":"选择器标签1","selected_id":"selection_id1",
				    "option_list":[{"id":"selection_id1","text":"选择器选项1"},{"id":"selection_id2","text":"选择器选项2"}]},
				   {"question_key":"question_key2","title":"选择器标签2","selected_id":"selection_id3",
				    "option_list":[{"id":"selection_id3","text":"选择器选项3"}]}],
				 "submit_button":{"text":"提交","key":"key"}}""");
	}

	@Test
	void updatesTheButtonsOfACardForSomeMembers() {
		this.wecom.respond(UPDATE, """
				{"errcode":0,"errmsg":"ok","invaliduser":["userid3"]}""");
		TemplateCardUpdateResult result = this.messages.updateTemplateCard(
				TemplateCardUpdate.replaceButton("rc-1", "已处理").forUsers("userid1", "userid3").build());
		assertThat(json(this.wecom.lastRequest(UPDATE).bodyText())).isEqualTo(json("""
				{"userids":["userid1","userid3"],"agentid":1,"response_code":"rc-1",
				 "button":{"replace_name":"已处理"}}"""));
		assertThat(this.wecom.lastRequest(UPDATE).method()).isEqualTo("POST");
		assertThat(result.invalidUsers()).containsExactly("userid3");
	}

	@Test
	void replacesAVoteCardForDepartmentsTagsAndEveryone() {
		this.wecom.respond(UPDATE, "{\"errcode\":0,\"errmsg\":\"ok\"}");
		TemplateCard disabledVote = TemplateCard.voteInteraction()
			.mainTitle("投票", "已结束")
			.checkbox(new Checkbox("question_key1", List.of(new CheckboxOption("option_id1", "选项1", true)), true, 0))
			.replaceText("已提交")
			.build();
		TemplateCardUpdateResult result = this.messages.updateTemplateCard(TemplateCardUpdate
			.replaceCard("rc-2", disabledVote)
			.forDepartments(2, 3)
			.forTags(44)
			.forEveryone()
			.enableIdTranslation()
			.build());
		assertThat(json(this.wecom.lastRequest(UPDATE).bodyText())).isEqualTo(json("""
				{"partyids":[2,3],"tagids":[44],"atall":1,"agentid":1,"response_code":"rc-2","enable_id_trans":1,
				 "template_card":{"card_type":"vote_interaction",
				   "main_title":{"title":"投票","desc":"已结束"},
				   "checkbox":{"question_key":"question_key1",
				     "option_list":[{"id":"option_id1","text":"选项1","is_checked":true}],"disable":true,"mode":0},
				   "replace_text":"已提交"}}"""));
		assertThat(result.invalidUsers()).isNotNull().isEmpty();
	}

	@Test
	void refusesAnUpdateForNobody() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TemplateCardUpdate.replaceButton("rc", "已处理").build());
	}

}

package dev.wxwork.api.message;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.testing.StandInAgent;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage.ContentItem;
import dev.wxwork.api.message.AppMessage.MiniprogramNotice;
import dev.wxwork.api.message.AppMessage.MpNewsArticle;
import dev.wxwork.api.message.AppMessage.NewsArticle;
import dev.wxwork.api.message.AppMessage.TaskCard;
import dev.wxwork.api.message.AppMessage.TaskCardButton;
import dev.wxwork.api.message.AppMessage.TextCard;
import dev.wxwork.api.message.AppMessage.Video;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.test.WeComStandIn;
import tools.jackson.databind.JsonNode;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AppMessagesTest {

	private static final String SEND = "/cgi-bin/message/send";

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("s3cr3t");

	private final AppMessages messages = agent(1000002L).messages();

	@BeforeEach
	void answerLikeWeCom() {
		this.wecom.respond(SEND, """
				{"errcode":0,"errmsg":"ok","invaliduser":"","invalidparty":"","invalidtag":"","unlicenseduser":"",
				 "msgid":"xyzxyz"}""");
	}

	@AfterEach
	void close() {
		this.wecom.close();
	}

	private WxWorkAgent agent(Long agentId) {
		return StandInAgent.of(this.wecom, agentId);
	}

	private void assertSent(String path, String expectedJson) {
		WeComStandIn.RecordedRequest request = this.wecom.lastRequest(path);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.contentType()).startsWith("application/json");
		JsonNode expected = json(expectedJson);
		if (path.equals(SEND) && !expected.has("enable_duplicate_check")) {
			// a send the caller left without a duplicate check goes out with the library's, so that a retry
			// after -1 cannot deliver it twice
			((tools.jackson.databind.node.ObjectNode) expected).put("enable_duplicate_check", 1)
				.put("duplicate_check_interval", 60);
		}
		assertThat(json(request.bodyText())).isEqualTo(expected);
	}

	@Test
	void sendsTextWithTheAgentIdOfTheAppAndRecipientsJoinedByBars() {
		SendResult result = this.messages
			.send(AppMessage.text("hi").toUsers("zhangsan", "lisi").toDepartments(2, 3).toTags(7).build());
		assertSent(SEND, """
				{"touser":"zhangsan|lisi","toparty":"2|3","totag":"7","msgtype":"text","agentid":1000002,
				 "text":{"content":"hi"}}""");
		assertThat(this.wecom.lastRequest(SEND).param("access_token")).startsWith("token-");
		assertThat(result.msgid()).isEqualTo("xyzxyz");
		assertThat(result.reachedEveryone()).isTrue();
	}

	@Test
	void sendsTheOptionsAsWeComsZeroOneIntegers() {
		this.messages.send(AppMessage.text("secret")
			.toAllUsers()
			.safe()
			.enableIdTranslation()
			.duplicateCheck(Duration.ofMinutes(10))
			.build());
		assertSent(SEND, """
				{"touser":"@all","msgtype":"text","agentid":1000002,"text":{"content":"secret"},
				 "safe":1,"enable_id_trans":1,"enable_duplicate_check":1,"duplicate_check_interval":600}""");
	}

	@Test
	void sendsMpNewsSharedInsideTheCorpOnlyAsSafe2() {
		this.messages.send(AppMessage
			.mpNews(new MpNewsArticle("Title", "MEDIA_ID", "Author", "https://example.com/src", "<p>content</p>",
					"digest"))
			.toUsers("zhangsan")
			.shareInsideCorpOnly()
			.build());
		assertSent(SEND, """
				{"touser":"zhangsan","msgtype":"mpnews","agentid":1000002,"safe":2,
				 "mpnews":{"articles":[{"title":"Title","thumb_media_id":"MEDIA_ID","author":"Author",
				   "content_source_url":"https://example.com/src","content":"<p>content</p>","digest":"digest"}]}}""");
	}

	@Test
	void sendsMediaMessagesByMediaId() {
		this.messages.send(AppMessage.image("IMAGE_ID").toUsers("a").build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"image","agentid":1000002,"image":{"media_id":"IMAGE_ID"}}""");
		this.messages.send(AppMessage.voice("VOICE_ID").toUsers("a").build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"voice","agentid":1000002,"voice":{"media_id":"VOICE_ID"}}""");
		this.messages.send(AppMessage.file("FILE_ID").toUsers("a").build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"file","agentid":1000002,"file":{"media_id":"FILE_ID"}}""");
	}

	@Test
	void sendsVideoWithTitleAndDescription() {
		this.messages.send(AppMessage.video(new Video("VIDEO_ID", "Title", "Description")).toUsers("a").build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"video","agentid":1000002,
				 "video":{"media_id":"VIDEO_ID","title":"Title","description":"Description"}}""");
	}

	@Test
	void sendsATextCardWithItsButtonTextAsBtntxt() {
		this.messages.send(AppMessage
			.textCard(new TextCard("领奖通知", "<div class=\"gray\">2016年9月26日</div>", "https://example.com", "更多"))
			.toUsers("a")
			.build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"textcard","agentid":1000002,
				 "textcard":{"title":"领奖通知","description":"<div class=\\"gray\\">2016年9月26日</div>",
				   "url":"https://example.com","btntxt":"更多"}}""");
	}

	@Test
	void sendsNewsArticlesWithPicurl() {
		this.messages.send(AppMessage
			.news(NewsArticle.of("中秋节礼品领取", "今年中秋节公司有豪礼相送", "https://example.com", "https://example.com/a.png"),
					new NewsArticle("小程序", null, null, null, "wx123123123123123", "pages/index?userid=zhangsan"))
			.toUsers("a")
			.build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"news","agentid":1000002,"news":{"articles":[
				  {"title":"中秋节礼品领取","description":"今年中秋节公司有豪礼相送","url":"https://example.com",
				   "picurl":"https://example.com/a.png"},
				  {"title":"小程序","appid":"wx123123123123123","pagepath":"pages/index?userid=zhangsan"}]}}""");
	}

	@Test
	void sendsMarkdown() {
		this.messages.send(AppMessage.markdown("**bold**").toUsers("a").build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"markdown","agentid":1000002,"markdown":{"content":"**bold**"}}""");
	}

	@Test
	void sendsAMiniprogramNoticeWithContentItemsAsKeyValuePairs() {
		this.messages.send(AppMessage
			.miniprogramNotice(new MiniprogramNotice("wx123123123123123", "pages/index?userid=zhangsan&orderid=123",
					"会议室预订成功通知", "4月27日 16:16", true,
					List.of(new ContentItem("会议室", "402"), new ContentItem("会议地点", "广州TIT-402会议室"))))
			.toUsers("a")
			.build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"miniprogram_notice","agentid":1000002,"miniprogram_notice":{
				  "appid":"wx123123123123123","page":"pages/index?userid=zhangsan&orderid=123",
				  "title":"会议室预订成功通知","description":"4月27日 16:16","emphasis_first_item":true,
				  "content_item":[{"key":"会议室","value":"402"},{"key":"会议地点","value":"广州TIT-402会议室"}]}}""");
	}

	@Test
	void sendsATaskCardWithButtonsAsBtn() {
		this.messages.send(AppMessage
			.taskCard(new TaskCard("赵明登的礼物申请", "礼品：A31茶具套装", "https://example.com", "task-1",
					List.of(new TaskCardButton("key111", "批准", "已批准", "red", true),
							TaskCardButton.of("key222", "驳回", "已驳回"))))
			.toUsers("a")
			.build());
		assertSent(SEND, """
				{"touser":"a","msgtype":"taskcard","agentid":1000002,"taskcard":{
				  "title":"赵明登的礼物申请","description":"礼品：A31茶具套装","url":"https://example.com","task_id":"task-1",
				  "btn":[{"key":"key111","name":"批准","replace_name":"已批准","color":"red","is_bold":true},
				         {"key":"key222","name":"驳回","replace_name":"已驳回"}]}}""");
	}

	@Test
	void parsesBarSeparatedInvalidRecipientsIntoLists() {
		this.wecom.respond(SEND, """
				{"errcode":0,"errmsg":"ok","invaliduser":"userid1|userid2","invalidparty":"2|3",
				 "invalidtag":"7","unlicenseduser":"userid3|userid4","msgid":"xyz","response_code":"rc-1"}""");
		SendResult result = this.messages.send(AppMessage.text("hi").toUsers("userid1", "userid2", "zhangsan").build());
		assertThat(result.invalidUsers()).containsExactly("userid1", "userid2");
		assertThat(result.invalidParties()).containsExactly("2", "3");
		assertThat(result.invalidTags()).containsExactly("7");
		assertThat(result.unlicensedUsers()).containsExactly("userid3", "userid4");
		assertThat(result.responseCode()).isEqualTo("rc-1");
		assertThat(result.reachedEveryone()).isFalse();
	}

	@Test
	void answersEmptyListsWhenWeComLeavesTheInvalidFieldsOut() {
		this.wecom.respond(SEND, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m1\"}");
		SendResult result = this.messages.send(AppMessage.text("hi").toUsers("zhangsan").build());
		assertThat(result.invalidUsers()).isNotNull().isEmpty();
		assertThat(result.invalidParties()).isNotNull().isEmpty();
		assertThat(result.invalidTags()).isNotNull().isEmpty();
		assertThat(result.unlicensedUsers()).isNotNull().isEmpty();
		assertThat(result.reachedEveryone()).isTrue();
		assertThat(result.responseCode()).isNull();
	}

	@Test
	void answersEmptyListsForEmptyStringsAndNulls() {
		this.wecom.respond(SEND, """
				{"errcode":0,"errmsg":"ok","invaliduser":"","invalidparty":null,"msgid":"m1"}""");
		SendResult result = this.messages.send(AppMessage.text("hi").toUsers("zhangsan").build());
		assertThat(result.invalidUsers()).isEmpty();
		assertThat(result.invalidParties()).isEmpty();
	}

	@Test
	void throwsWhenWeComRejectsEveryRecipient() {
		this.wecom.respond(SEND, "{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.messages.send(AppMessage.text("hi").toUsers("nobody").build()))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(81013));
	}

	@Test
	void refusesAMessageWithoutRecipientsBeforeCallingWeCom() {
		assertThatIllegalStateException().isThrownBy(() -> AppMessage.text("hi").build())
			.withMessageContaining("recipient");
		assertThat(this.wecom.requests(SEND)).isEmpty();
	}

	@Test
	void refusesADuplicateCheckIntervalBeyondFourHours() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AppMessage.text("hi").toUsers("a").duplicateCheck(Duration.ofHours(5)));
	}

	@Test
	void needsAnAgentIdToSend() {
		assertThatIllegalStateException().isThrownBy(() -> agent(null).messages())
			.withMessageContaining("wxwork.agents.app.agent-id");
	}

	@Test
	void recallsByMsgid() {
		this.wecom.respond("/cgi-bin/message/recall", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.messages.recall("xyzxyz");
		assertSent("/cgi-bin/message/recall", "{\"msgid\":\"xyzxyz\"}");
	}

	@Test
	void recallFailuresAreThrown() {
		this.wecom.respond("/cgi-bin/message/recall", "{\"errcode\":86114,\"errmsg\":\"msg has been recalled\"}");
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> this.messages.recall("xyzxyz"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(86114));
	}

}

package dev.wxwork.api.appchat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.MessageContent;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppChatApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void createSendsTheMembersAndAnswersTheChatId() {
		this.wecom.respond("/cgi-bin/appchat/create", "{\"errcode\":0,\"errmsg\":\"ok\",\"chatid\":\"CHATID\"}");
		String chatid = this.agent.appChats()
			.create(new NewAppChat("NAME", "userid1", List.of("userid1", "userid2", "userid3"), null))
			.chatid();
		assertThat(chatid).isEqualTo("CHATID");
		assertThat(json(this.wecom.lastRequest("/cgi-bin/appchat/create").bodyText())).isEqualTo(json("""
				{"name":"NAME","owner":"userid1","userlist":["userid1","userid2","userid3"]}"""));
	}

	@Test
	void updateSendsOnlyTheChanges() {
		this.wecom.respond("/cgi-bin/appchat/update", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.appChats()
			.update(AppChatUpdate.of("CHATID").withName("NAME").withAddedMembers(List.of("userid1", "userid2"))
				.withRemovedMembers(List.of("userid3")));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/appchat/update").bodyText())).isEqualTo(json("""
				{"chatid":"CHATID","name":"NAME","add_user_list":["userid1","userid2"],"del_user_list":["userid3"]}"""));
	}

	@Test
	void getReadsTheChatInfo() {
		this.wecom.respond("/cgi-bin/appchat/get", """
				{"errcode":0,"errmsg":"ok","chat_info":{"chatid":"CHATID","name":"NAME","owner":"userid2",
				"userlist":["userid1","userid2","userid3"],"chat_type":0}}""");
		AppChat chat = this.agent.appChats().get("CHATID").chatInfo();
		assertThat(this.wecom.lastRequest("/cgi-bin/appchat/get").param("chatid")).isEqualTo("CHATID");
		assertThat(chat).isEqualTo(new AppChat("CHATID", "NAME", "userid2", List.of("userid1", "userid2", "userid3"), 0));
	}

	@Test
	void sendPutsTheContentUnderItsMessageType() {
		this.wecom.respond("/cgi-bin/appchat/send", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.appChats().send(AppChatMessage.of("CHATID", MessageContent.text("你的快递已到")).confidential());
		assertThat(json(this.wecom.lastRequest("/cgi-bin/appchat/send").bodyText())).isEqualTo(json("""
				{"chatid":"CHATID","msgtype":"text","text":{"content":"你的快递已到"},"safe":1}"""));
		this.agent.appChats()
			.send(AppChatMessage.of("CHATID", MessageContent.news(AppMessage.NewsArticle.of("中秋节礼品领取",
					"今年中秋节公司有豪礼相送", "https://work.weixin.qq.com/", "http://res.mail.qq.com/a.png"))));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/appchat/send").bodyText())).isEqualTo(json("""
				{"chatid":"CHATID","msgtype":"news","news":{"articles":[{"title":"中秋节礼品领取",
				"description":"今年中秋节公司有豪礼相送","url":"https://work.weixin.qq.com/",
				"picurl":"http://res.mail.qq.com/a.png"}]}}"""));
		this.agent.appChats()
			.send(AppChatMessage.of("CHATID", MessageContent.video("MEDIA_ID", "Title", "Description")));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/appchat/send").bodyText())).isEqualTo(json("""
				{"chatid":"CHATID","msgtype":"video","video":{"media_id":"MEDIA_ID","title":"Title",
				"description":"Description"}}"""));
	}

	@Test
	void sendToAChatTheAppDidNotCreateFailsWithWeComsCode() {
		this.wecom.respond("/cgi-bin/appchat/send", "{\"errcode\":86003,\"errmsg\":\"chat not found\"}");
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.appChats().send(AppChatMessage.of("NOPE", MessageContent.markdown("**x**"))))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(86003));
	}

}

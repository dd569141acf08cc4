package dev.wxwork.api.externalcontact.message;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerMessageApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final CustomerMessageApi messages = this.fixture.agent().customerMessages();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void sendsAMassMessageWithEveryKindOfAttachment() {
		this.fixture.respond("add_msg_template", """
				"fail_list":["wmqfasd1e1927831291723123109rAAA"],"msgid":"msgGCAAAXtWyujaWJHDDGi0mAAAA"
				""");
		MassMessage message = MassMessage
			.toCustomers(List.of("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831291723123109rAAA"), "文本消息内容",
					Attachment.image("MEDIA_ID"), Attachment.imageUrl("http://p.qpic.cn/pic_wework/3474110808/0"),
					Attachment.link(Attachment.Link.of("消息标题", "https://example.pic.com/path", "消息描述",
							"https://example.link.com/path")),
					Attachment.miniprogram(new Attachment.Miniprogram("消息标题", "MEDIA_ID", "wx8bd80126147dfAAA",
							"/path/index.html")),
					Attachment.video("MEDIA_ID"), Attachment.file("MEDIA_ID"))
			.withSender("zhangsan")
			.withTagFilter(List.of(List.of("etXXXXXXXXXX", "etYYYYYYYYYY")));
		CustomerMessageApi.MassMessageCreated created = this.messages.send(message);
		assertThat(created.msgid()).isEqualTo("msgGCAAAXtWyujaWJHDDGi0mAAAA");
		assertThat(created.failList()).containsExactly("wmqfasd1e1927831291723123109rAAA");
		assertThat(this.fixture.sentBody("add_msg_template")).isEqualTo(json("""
				{"chat_type":"single",
				 "external_userid":["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA","wmqfasd1e1927831291723123109rAAA"],
				 "tag_filter":{"group_list":[{"tag_list":["etXXXXXXXXXX","etYYYYYYYYYY"]}]},
				 "sender":"zhangsan","text":{"content":"文本消息内容"},
				 "attachments":[
				  {"msgtype":"image","image":{"media_id":"MEDIA_ID"}},
				  {"msgtype":"image","image":{"pic_url":"http://p.qpic.cn/pic_wework/3474110808/0"}},
				  {"msgtype":"link","link":{"title":"消息标题","picurl":"https://example.pic.com/path","desc":"消息描述",
				   "url":"https://example.link.com/path"}},
				  {"msgtype":"miniprogram","miniprogram":{"title":"消息标题","pic_media_id":"MEDIA_ID",
				   "appid":"wx8bd80126147dfAAA","page":"/path/index.html"}},
				  {"msgtype":"video","video":{"media_id":"MEDIA_ID"}},
				  {"msgtype":"file","file":{"media_id":"MEDIA_ID"}}]}"""));
	}

	@Test
	void sendsAGroupMassMessageAsTheOwner() {
		this.fixture.respond("add_msg_template", "\"fail_list\":[],\"msgid\":\"msgGROUP\"");
		this.messages.send(MassMessage.toGroupsOf("zhangsan", "群发内容"));
		assertThat(this.fixture.sentBody("add_msg_template")).isEqualTo(json("""
				{"chat_type":"group","sender":"zhangsan","text":{"content":"群发内容"}}"""));
	}

	@Test
	void listsMassMessagesWithTheirAttachments() {
		this.fixture.respond("get_groupmsg_list_v2", """
				"next_cursor":"CURSOR","group_msg_list":[{"msgid":"msgGCAAAXtWyujaWJHDDGi0mAAAA","creator":"xxxx",
				"create_time":1605171726,"create_type":1,"text":{"content":"文本消息内容"},
				"attachments":[{"msgtype":"image","image":{"media_id":"MEDIA_ID","pic_url":"http://p.qpic.cn/pic_wework/3474110808/0"}},
				{"msgtype":"link","link":{"title":"消息标题","picurl":"https://example.pic.com/path","desc":"消息描述","url":"https://example.link.com/path"}},
				{"msgtype":"miniprogram","miniprogram":{"title":"消息标题","pic_media_id":"MEDIA_ID","appid":"wx8bd80126147dfAAA","page":"/path/index"}},
				{"msgtype":"video","video":{"media_id":"MEDIA_ID"}},{"msgtype":"file","file":{"media_id":"MEDIA_ID"}}]}]""");
		CustomerMessageApi.MassMessagePage page = this.messages.list(
				new CustomerMessageApi.ListQuery("single", 1605171726L, 1605172726L, "zhangshan", 1, 50, "CURSOR"));
		assertThat(this.fixture.sentBody("get_groupmsg_list_v2")).isEqualTo(json("""
				{"chat_type":"single","start_time":1605171726,"end_time":1605172726,"creator":"zhangshan",
				 "filter_type":1,"limit":50,"cursor":"CURSOR"}"""));
		CustomerMessageApi.SentMassMessage message = page.items().get(0);
		assertThat(message.msgid()).isEqualTo("msgGCAAAXtWyujaWJHDDGi0mAAAA");
		assertThat(message.createType()).isEqualTo(1);
		assertThat(message.text().content()).isEqualTo("文本消息内容");
		assertThat(message.attachments()).extracting(Attachment::msgtype).containsExactly("image", "link",
				"miniprogram", "video", "file");
		assertThat(message.attachments().get(0).image().picUrl()).endsWith("/0");
		assertThat(message.attachments().get(1).link().description()).isEqualTo("消息描述");
		assertThat(message.attachments().get(2).miniprogram().appid()).isEqualTo("wx8bd80126147dfAAA");
		assertThat(message.attachments().get(4).file().mediaId()).isEqualTo("MEDIA_ID");
	}

	@Test
	void walksEveryMassMessageInATimeRange() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get_groupmsg_list_v2",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"group_msg_list\":[{\"msgid\":\"m3\"}]}"
						: "{\"errcode\":0,\"next_cursor\":\"N2\",\"group_msg_list\":[{\"msgid\":\"m1\"},{\"msgid\":\"m2\"}]}"));
		assertThat(this.messages.listAll("group", 1605171726L, 1605172726L))
			.extracting(CustomerMessageApi.SentMassMessage::msgid)
			.containsExactly("m1", "m2", "m3");
		assertThat(this.fixture.sentBodies("get_groupmsg_list_v2")).containsExactly(
				json("{\"chat_type\":\"group\",\"start_time\":1605171726,\"end_time\":1605172726,\"limit\":100}"),
				json("{\"chat_type\":\"group\",\"start_time\":1605171726,\"end_time\":1605172726,\"limit\":100,\"cursor\":\"N2\"}"));
	}

	@Test
	void walksTheTasksOfAMassMessage() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get_groupmsg_task",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"task_list\":[{\"userid\":\"lisi\",\"status\":0}]}"
						: "{\"errcode\":0,\"next_cursor\":\"T2\",\"task_list\":[{\"userid\":\"zhangsan\",\"status\":2,\"send_time\":1552536375}]}"));
		List<CustomerMessageApi.Task> tasks = this.messages.tasksAll("msgGCAAAXtWyujaWJHDDGi0mACAAAA").toList();
		assertThat(tasks).extracting(CustomerMessageApi.Task::userid).containsExactly("zhangsan", "lisi");
		assertThat(tasks.get(0).sendTime()).isEqualTo(1552536375L);
		assertThat(tasks.get(0).status()).isEqualTo(2);
		assertThat(this.fixture.sentBodies("get_groupmsg_task")).containsExactly(
				json("{\"msgid\":\"msgGCAAAXtWyujaWJHDDGi0mACAAAA\",\"limit\":1000}"),
				json("{\"msgid\":\"msgGCAAAXtWyujaWJHDDGi0mACAAAA\",\"limit\":1000,\"cursor\":\"T2\"}"));
	}

	@Test
	void readsAMembersDeliveriesOfAMassMessage() {
		this.fixture.respond("get_groupmsg_send_result", """
				"next_cursor":"CURSOR","send_list":[{"external_userid":"wmqfasd1e19278asdasdasd","chat_id":"wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA",
				"userid":"zhangsan","status":1,"send_time":1552536375}]""");
		CustomerMessageApi.SendResultPage page = this.messages.sendResult(
				new CustomerMessageApi.TaskQuery("msgGCAAAXtWyujaWJHDDGi0mACAAAA", "zhangsan", 50, "CURSOR"));
		assertThat(this.fixture.sentBody("get_groupmsg_send_result")).isEqualTo(json("""
				{"msgid":"msgGCAAAXtWyujaWJHDDGi0mACAAAA","userid":"zhangsan","limit":50,"cursor":"CURSOR"}"""));
		CustomerMessageApi.Delivery delivery = page.items().get(0);
		assertThat(delivery.externalUserid()).isEqualTo("wmqfasd1e19278asdasdasd");
		assertThat(delivery.chatId()).isEqualTo("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
		assertThat(delivery.status()).isEqualTo(1);
		assertThat(delivery.sendTime()).isEqualTo(1552536375L);
		assertThat(page.nextCursor()).isEqualTo("CURSOR");
	}

	@Test
	void remindsAndCancelsAMassMessage() {
		this.fixture.respond("remind_groupmsg_send", "").respond("cancel_groupmsg_send", "");
		this.messages.remind(new CustomerMessageApi.MessageId("msgGCAAAXtWyujaWJHDDGi0mACAAAA"));
		this.messages.cancel(new CustomerMessageApi.MessageId("msgGCAAAXtWyujaWJHDDGi0mACBBBB"));
		assertThat(this.fixture.sentBody("remind_groupmsg_send"))
			.isEqualTo(json("{\"msgid\":\"msgGCAAAXtWyujaWJHDDGi0mACAAAA\"}"));
		assertThat(this.fixture.sentBody("cancel_groupmsg_send"))
			.isEqualTo(json("{\"msgid\":\"msgGCAAAXtWyujaWJHDDGi0mACBBBB\"}"));
	}

	@Test
	void sendsAWelcomeMessageWithTheWelcomeCode() {
		this.fixture.respond("send_welcome_msg", "");
		this.messages.sendWelcome("CALLBACK_CODE", "欢迎", Attachment.link(Attachment.Link.of("标题",
				"https://example.pic.com/path", "描述", "https://example.link.com/path")));
		assertThat(this.fixture.sentBody("send_welcome_msg")).isEqualTo(json("""
				{"welcome_code":"CALLBACK_CODE","text":{"content":"欢迎"},
				 "attachments":[{"msgtype":"link","link":{"title":"标题","picurl":"https://example.pic.com/path",
				 "desc":"描述","url":"https://example.link.com/path"}}]}"""));
	}

	@Test
	void addsAGroupWelcomeTemplateWithoutNotifyingAndEditsIt() {
		this.fixture.respond("group_welcome_template/add", "\"template_id\":\"msgXXXXXXX\"")
			.respond("group_welcome_template/edit", "");
		GroupWelcomeTemplate template = GroupWelcomeTemplate.of("亲爱的%NICKNAME%用户，你好",
				Attachment.miniprogram(new Attachment.Miniprogram("消息标题", "MEDIA_ID", "wx8bd80126147dfAAA",
						"/path/index.html")))
			.withoutNotification();
		String id = this.messages.addGroupWelcomeTemplate(template).templateId();
		this.messages.editGroupWelcomeTemplate(GroupWelcomeTemplate.of("新欢迎语", Attachment.file("FILE_ID")).asEditOf(id));
		assertThat(id).isEqualTo("msgXXXXXXX");
		assertThat(this.fixture.sentBody("group_welcome_template/add")).isEqualTo(json("""
				{"text":{"content":"亲爱的%NICKNAME%用户，你好"},"miniprogram":{"title":"消息标题","pic_media_id":"MEDIA_ID",
				 "appid":"wx8bd80126147dfAAA","page":"/path/index.html"},"notify":0}"""));
		assertThat(this.fixture.sentBody("group_welcome_template/edit")).isEqualTo(json("""
				{"template_id":"msgXXXXXXX","text":{"content":"新欢迎语"},"file":{"media_id":"FILE_ID"}}"""));
	}

	@Test
	void readsAndDeletesAGroupWelcomeTemplate() {
		this.fixture.respond("group_welcome_template/get", """
				"text":{"content":"亲爱的%NICKNAME%用户，你好"},"image":{"pic_url":"http://p.qpic.cn/pic_wework/3474110808/0"},
				"link":{"title":"消息标题","picurl":"https://example.pic.com/path","desc":"消息描述","url":"https://example.link.com/path"},
				"miniprogram":{"title":"消息标题","pic_media_id":"MEDIA_ID","appid":"wx8bd80126147dfAAA","page":"/path/index"},
				"file":{"media_id":"1Yv-zXfHjSjU-7LH-GwtYqDGS-zz6w22KmWAT5COgP7o"},"video":{"media_id":"MEDIA_ID"}""")
			.respond("group_welcome_template/del", "");
		GroupWelcomeTemplate template = this.messages
			.getGroupWelcomeTemplate(CustomerMessageApi.TemplateId.of("msgXXXXXXX"));
		this.messages.deleteGroupWelcomeTemplate(new CustomerMessageApi.TemplateId("msgXXXXXXX", 1000014L));
		assertThat(this.fixture.sentBody("group_welcome_template/get"))
			.isEqualTo(json("{\"template_id\":\"msgXXXXXXX\"}"));
		assertThat(this.fixture.sentBody("group_welcome_template/del"))
			.isEqualTo(json("{\"template_id\":\"msgXXXXXXX\",\"agentid\":1000014}"));
		assertThat(template.text().content()).contains("%NICKNAME%");
		assertThat(template.image().picUrl()).endsWith("/0");
		assertThat(template.link().url()).isEqualTo("https://example.link.com/path");
		assertThat(template.miniprogram().page()).isEqualTo("/path/index");
		assertThat(template.file().mediaId()).startsWith("1Yv-");
		assertThat(template.video().mediaId()).isEqualTo("MEDIA_ID");
	}

}

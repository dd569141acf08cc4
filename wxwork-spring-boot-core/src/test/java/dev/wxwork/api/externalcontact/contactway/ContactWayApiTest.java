package dev.wxwork.api.externalcontact.contactway;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class ContactWayApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final ContactWayApi ways = this.fixture.agent().contactWays();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void addsATemporaryWayWithConclusionsAndReturnsItsQrCode() {
		this.fixture.respond("add_contact_way", """
				"config_id":"42b34949e138eb6e027c123cba77fAD7","qr_code":"http://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0"
				""");
		ContactWay way = ContactWay.singleMemberQrCode("zhangsan")
			.withState("teststate")
			.withRemark("渠道客户")
			.withSkipVerify(true)
			.asTemporaryChat(86400L, 86400L, "oxTWIuGaIt6gTKsQRLau2M0AAAA",
					new ContactWay.Conclusions(null, null,
							Attachment.Link.of("消息标题", "https://example.com/cover.png", "消息描述",
									"https://example.com/landing"),
							null));
		ContactWayApi.Created created = this.ways.add(way);
		assertThat(created.configId()).isEqualTo("42b34949e138eb6e027c123cba77fAD7");
		assertThat(created.qrCode()).startsWith("http://p.qpic.cn/");
		assertThat(this.fixture.sentBody("add_contact_way")).isEqualTo(json("""
				{"type":1,"scene":2,"remark":"渠道客户","skip_verify":true,"state":"teststate","user":["zhangsan"],
				 "is_temp":true,"expires_in":86400,"chat_expires_in":86400,"unionid":"oxTWIuGaIt6gTKsQRLau2M0AAAA",
				 "conclusions":{"link":{"title":"消息标题","picurl":"https://example.com/cover.png","desc":"消息描述",
				 "url":"https://example.com/landing"}}}"""));
	}

	@Test
	void readsAWayWithItsMembersDepartmentsAndConclusions() {
		this.fixture.respond("get_contact_way", """
				"contact_way":{"config_id":"42b34949e138eb6e027c123cba77fAD7","type":2,"scene":2,"style":2,
				"remark":"test remark","skip_verify":true,"state":"teststate","qr_code":"http://p.qpic.cn/wwhead/x/0",
				"user":["zhangsan","lisi"],"party":[2,3],"is_temp":true,"expires_in":86400,"chat_expires_in":86400,
				"unionid":"oxTWIuGaIt6gTKsQRLau2M0AAAA","is_exclusive":true,
				"conclusions":{"text":{"content":"文本消息内容"},"image":{"pic_url":"http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"},
				"link":{"title":"消息标题","picurl":"https://example.pic.com/path","desc":"消息描述","url":"https://example.link.com/path"},
				"miniprogram":{"title":"消息标题","pic_media_id":"MEDIA_ID","appid":"wx8bd80126147dfAAA","page":"/path/index"}}}""");
		ContactWay way = this.ways.get("42b34949e138eb6e027c123cba77fAD7");
		assertThat(this.fixture.sentBody("get_contact_way"))
			.isEqualTo(json("{\"config_id\":\"42b34949e138eb6e027c123cba77fAD7\"}"));
		assertThat(way.type()).isEqualTo(2);
		assertThat(way.user()).containsExactly("zhangsan", "lisi");
		assertThat(way.party()).containsExactly(2L, 3L);
		assertThat(way.isTemp()).isTrue();
		assertThat(way.isExclusive()).isTrue();
		assertThat(way.chatExpiresIn()).isEqualTo(86400L);
		assertThat(way.qrCode()).isEqualTo("http://p.qpic.cn/wwhead/x/0");
		assertThat(way.conclusions().text().content()).isEqualTo("文本消息内容");
		assertThat(way.conclusions().image().picUrl()).endsWith("/0");
		assertThat(way.conclusions().link().description()).isEqualTo("消息描述");
		assertThat(way.conclusions().miniprogram().picMediaId()).isEqualTo("MEDIA_ID");
		assertThat(way.conclusions().miniprogram().page()).isEqualTo("/path/index");
	}

	@Test
	void listsOnePageOfWaysWithTheTimeRangeAndCursor() {
		this.fixture.respond("list_contact_way", """
				"contact_way":[{"config_id":"534b63270045c9ABiKEE814ef56d91c62f"},{"config_id":"87bBiKEE811c62f63270041c62f5c9A4"}],
				"next_cursor":"NEXT_CURSOR"
				""");
		ContactWayApi.Page page = this.ways.list(new ContactWayApi.ListQuery(1622476800L, 1605171726L, "CURSOR", 1000));
		assertThat(page.items()).extracting(ContactWayApi.ConfigId::configId)
			.containsExactly("534b63270045c9ABiKEE814ef56d91c62f", "87bBiKEE811c62f63270041c62f5c9A4");
		assertThat(page.nextCursor()).isEqualTo("NEXT_CURSOR");
		assertThat(this.fixture.sentBody("list_contact_way")).isEqualTo(json("""
				{"start_time":1622476800,"end_time":1605171726,"cursor":"CURSOR","limit":1000}"""));
	}

	@Test
	void walksEveryPageOfWaysSendingTheCursorBack() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/list_contact_way", (request) -> {
			boolean first = !request.bodyText().contains("cursor");
			return Answer.json(first
					? "{\"errcode\":0,\"contact_way\":[{\"config_id\":\"a\"},{\"config_id\":\"b\"}],\"next_cursor\":\"page2\"}"
					: "{\"errcode\":0,\"contact_way\":[{\"config_id\":\"c\"}],\"next_cursor\":\"\"}");
		});
		assertThat(this.ways.listAll(1622476800L, null)).containsExactly("a", "b", "c");
		assertThat(this.fixture.sentBodies("list_contact_way")).containsExactly(
				json("{\"start_time\":1622476800,\"limit\":1000}"),
				json("{\"start_time\":1622476800,\"cursor\":\"page2\",\"limit\":1000}"));
	}

	@Test
	void updatesOnlyTheGivenFieldsOfAWay() {
		this.fixture.respond("update_contact_way", "");
		this.ways.update(ContactWay.multiMemberQrCode(List.of("zhangsan"), List.of(2L))
			.withRemark("新备注")
			.asUpdateOf("42b34949e138eb6e027c123cba77fAD7"));
		assertThat(this.fixture.sentBody("update_contact_way")).isEqualTo(json("""
				{"config_id":"42b34949e138eb6e027c123cba77fAD7","remark":"新备注","user":["zhangsan"],"party":[2]}"""));
	}

	@Test
	void deletesAWayAndClosesATemporaryChat() {
		this.fixture.respond("del_contact_way", "").respond("close_temp_chat", "");
		this.ways.delete("42b34949e138eb6e027c123cba77fAD7");
		this.ways.closeTemporaryChat("zhangyisheng", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA");
		assertThat(this.fixture.sentBody("del_contact_way"))
			.isEqualTo(json("{\"config_id\":\"42b34949e138eb6e027c123cba77fAD7\"}"));
		assertThat(this.fixture.sentBody("close_temp_chat"))
			.isEqualTo(json("{\"userid\":\"zhangyisheng\",\"external_userid\":\"woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA\"}"));
		assertThat(this.fixture.sentParam("close_temp_chat", "access_token")).startsWith("token-");
	}

}

package dev.wxwork.api.externalcontact.customer;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiTest {

	private static final String CUSTOMER = """
			"external_contact":{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA","name":"李四","position":"Manager",
			"avatar":"http://p.qlogo.cn/bizmail/IcsdgagqefergqerhewSdage/0","corp_name":"腾讯","corp_full_name":"腾讯科技有限公司",
			"type":2,"gender":1,"unionid":"ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
			"external_profile":{"external_attr":[{"type":0,"name":"文本名称","text":{"value":"文本"}},
			{"type":1,"name":"网页名称","web":{"url":"http://www.test.com","title":"标题"}},
			{"type":2,"name":"测试app","miniprogram":{"appid":"wx8OOOOOOOOOOOO","pagepath":"/index","title":"my miniprogram"}}]}}""";

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final CustomerApi customers = this.fixture.agent().customers();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void listsTheMembersWhoMayServeCustomers() {
		this.fixture.respond("get_follow_user_list", "\"follow_user\":[\"zhangsan\",\"lissi\"]");
		assertThat(this.customers.followUsers().followUser()).containsExactly("zhangsan", "lissi");
		assertThat(this.fixture.sentParam("get_follow_user_list", "access_token")).startsWith("token-");
	}

	@Test
	void listsAMembersCustomersByUserid() {
		this.fixture.respond("list", "\"external_userid\":[\"woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA\",\"wmqfasd1e1927831291723123109rAAA\"]");
		assertThat(this.customers.list("zhangsan").externalUserid()).containsExactly("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
				"wmqfasd1e1927831291723123109rAAA");
		assertThat(this.fixture.sentParam("list", "userid")).isEqualTo("zhangsan");
	}

	@Test
	void readsACustomerWithProfileAndFollowUsers() {
		this.fixture.respond("get", CUSTOMER + """
				,"follow_user":[{"userid":"rocky","remark":"李部长","description":"对接采购事务","createtime":1525779812,
				"tags":[{"group_name":"标签分组名称","tag_name":"标签名称","tag_id":"etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA","type":1},
				{"group_name":"标签分组名称","tag_name":"标签名称","type":2}],"remark_corp_name":"腾讯科技",
				"remark_mobiles":["13800000001","13000000002"],"oper_userid":"rocky","add_way":1,
				"wechat_channels":{"nickname":"视频号名称","source":1},"state":"外联二维码1"}],"next_cursor":"NEXT_CURSOR"
				""");
		CustomerApi.CustomerDetails details = this.customers.get("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(this.fixture.sentParam("get", "external_userid")).isEqualTo("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(this.fixture.wecom().lastRequest("/cgi-bin/externalcontact/get").query()).doesNotContainKey("cursor");
		Customer customer = details.externalContact();
		assertThat(customer.name()).isEqualTo("李四");
		assertThat(customer.corpFullName()).isEqualTo("腾讯科技有限公司");
		assertThat(customer.type()).isEqualTo(2);
		assertThat(customer.unionid()).isEqualTo("ozynqsulJFCZ2z1aYeS8h-nuasdAAA");
		assertThat(customer.externalProfile().externalAttr()).hasSize(3);
		assertThat(customer.externalProfile().externalAttr().get(0).text().value()).isEqualTo("文本");
		assertThat(customer.externalProfile().externalAttr().get(1).web().url()).isEqualTo("http://www.test.com");
		assertThat(customer.externalProfile().externalAttr().get(2).miniprogram().pagepath()).isEqualTo("/index");
		FollowUser follow = details.followUser().get(0);
		assertThat(follow.createTime()).isEqualTo(1525779812L);
		assertThat(follow.tags()).extracting(FollowUser.Tag::type).containsExactly(1, 2);
		assertThat(follow.tags().get(0).tagId()).isEqualTo("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(follow.remarkMobiles()).containsExactly("13800000001", "13000000002");
		assertThat(follow.operUserid()).isEqualTo("rocky");
		assertThat(follow.addWay()).isEqualTo(1);
		assertThat(follow.wechatChannels().nickname()).isEqualTo("视频号名称");
		assertThat(follow.state()).isEqualTo("外联二维码1");
		assertThat(details.nextCursor()).isEqualTo("NEXT_CURSOR");
	}

	@Test
	void readsEveryFollowUserOfACustomerAcrossPages() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/get", (request) -> Answer.json((request.param("cursor") == null)
				? "{\"errcode\":0," + CUSTOMER + ",\"follow_user\":[{\"userid\":\"rocky\"},{\"userid\":\"tom\"}],\"next_cursor\":\"c2\"}"
				: "{\"errcode\":0," + CUSTOMER + ",\"follow_user\":[{\"userid\":\"amy\"}],\"next_cursor\":\"\"}"));
		CustomerApi.CustomerDetails details = this.customers.getWithAllFollowUsers("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(details.externalContact().name()).isEqualTo("李四");
		assertThat(details.followUser()).extracting(FollowUser::userid).containsExactly("rocky", "tom", "amy");
		assertThat(details.nextCursor()).isNull();
		assertThat(this.fixture.wecom().requests("/cgi-bin/externalcontact/get"))
			.extracting((request) -> request.param("cursor"))
			.containsExactly(null, "c2");
	}

	@Test
	void batchReadsTheCustomersOfSeveralMembers() {
		this.fixture.respond("batch/get_by_user", """
				"external_contact_list":[{"external_contact":{"external_userid":"woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA","name":"李四","type":2,"gender":1},
				"follow_info":{"userid":"rocky","remark":"李部长","description":"对接采购事务","createtime":1525779812,
				"tag_id":["etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"],"remark_corp_name":"腾讯科技","remark_mobiles":["13800000001"],
				"oper_userid":"rocky","add_way":1,"state":"外联二维码1"}}],
				"next_cursor":"r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI","fail_info":{"unlicensed_userid_list":["zhangsan"]}
				""");
		CustomerApi.CustomersByUserPage page = this.customers
			.batchGetByUser(new CustomerApi.ByUserQuery(List.of("rocky", "zhangsan"), "CURSOR", 100));
		assertThat(this.fixture.sentBody("batch/get_by_user")).isEqualTo(json("""
				{"userid_list":["rocky","zhangsan"],"cursor":"CURSOR","limit":100}"""));
		CustomerApi.CustomerWithFollowInfo first = page.items().get(0);
		assertThat(first.externalContact().externalUserid()).isEqualTo("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(first.followInfo().tagId()).containsExactly("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
		assertThat(first.followInfo().createTime()).isEqualTo(1525779812L);
		assertThat(first.followInfo().remarkCorpName()).isEqualTo("腾讯科技");
		assertThat(page.failInfo().unlicensedUseridList()).containsExactly("zhangsan");
		assertThat(page.nextCursor()).startsWith("r9Fq");
	}

	@Test
	void batchWalksEveryPageOfCustomers() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/batch/get_by_user",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"external_contact_list\":[{\"external_contact\":{\"external_userid\":\"w3\"}}]}"
						: "{\"errcode\":0,\"external_contact_list\":[{\"external_contact\":{\"external_userid\":\"w1\"}},"
								+ "{\"external_contact\":{\"external_userid\":\"w2\"}}],\"next_cursor\":\"p2\"}"));
		assertThat(this.customers.batchGetByUserAll(List.of("rocky")).map((item) -> item.externalContact().externalUserid()))
			.containsExactly("w1", "w2", "w3");
		assertThat(this.fixture.sentBodies("batch/get_by_user")).containsExactly(
				json("{\"userid_list\":[\"rocky\"],\"limit\":100}"),
				json("{\"userid_list\":[\"rocky\"],\"cursor\":\"p2\",\"limit\":100}"));
	}

	@Test
	void changesTheRemarkWithWeComsFieldNames() {
		this.fixture.respond("remark", "");
		this.customers.remark(CustomerApi.Remark.of("zhangsan", "woAJ2GCAAAd1asdasdjO4wKmE8Aabj9AAA", "备注信息")
			.withDescription("描述信息")
			.withCompany("腾讯科技")
			.withMobiles(List.of("13800000001", "13800000002"))
			.withPicture("MEDIAID"));
		assertThat(this.fixture.sentBody("remark")).isEqualTo(json("""
				{"userid":"zhangsan","external_userid":"woAJ2GCAAAd1asdasdjO4wKmE8Aabj9AAA","remark":"备注信息",
				 "description":"描述信息","remark_company":"腾讯科技","remark_mobiles":["13800000001","13800000002"],
				 "remark_pic_mediaid":"MEDIAID"}"""));
	}

	@Test
	void readsTheMembersBehaviorStatisticsPerDay() {
		this.fixture.respond("get_user_behavior_data", """
				"behavior_data":[{"stat_time":1443888000,"chat_cnt":1,"message_cnt":1,"reply_percentage":33.3,
				"avg_reply_time":1,"negative_feedback_cnt":0,"new_apply_cnt":6,"new_contact_cnt":5},
				{"stat_time":1443974400,"chat_cnt":2,"message_cnt":5,"reply_percentage":100,"avg_reply_time":3,
				"negative_feedback_cnt":1,"new_apply_cnt":0,"new_contact_cnt":0}]""");
		CustomerApi.BehaviorData data = this.customers
			.behaviorData(CustomerApi.BehaviorQuery.ofMembers(List.of("zhangsan", "lisi"), 1536508800L, 1536940800L));
		assertThat(this.fixture.sentBody("get_user_behavior_data")).isEqualTo(json("""
				{"userid":["zhangsan","lisi"],"start_time":1536508800,"end_time":1536940800}"""));
		assertThat(data.behaviorData()).hasSize(2);
		assertThat(data.behaviorData().get(0).replyPercentage()).isEqualTo(33.3);
		assertThat(data.behaviorData().get(0).newApplyCnt()).isEqualTo(6);
		assertThat(data.behaviorData().get(1).statTime()).isEqualTo(1443974400L);
		assertThat(data.behaviorData().get(1).negativeFeedbackCnt()).isEqualTo(1);
	}

}

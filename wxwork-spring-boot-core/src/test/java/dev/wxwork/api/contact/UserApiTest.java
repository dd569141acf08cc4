package dev.wxwork.api.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.testing.StandInAgent;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.contact.User.Attribute;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest {

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	private final WeComStandIn wecom = new WeComStandIn("corp1").secret("s3cr3t");

	private final UserApi users = agent().users();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	private WxWorkAgent agent() {
		return StandInAgent.of(this.wecom, null);
	}

	private WeComStandIn.RecordedRequest last(String path) {
		return this.wecom.lastRequest(path);
	}

	@Test
	void readsAMemberWithEveryFieldWeComDocuments() {
		this.wecom.respond("/cgi-bin/user/get", """
				{"errcode":0,"errmsg":"ok","userid":"zhangsan","name":"张三","department":[1,2],"order":[1,2],
				 "position":"后台工程师","mobile":"13800000000","gender":"1","email":"zhangsan@gzdev.com",
				 "biz_mail":"zhangsan@qyycs2.wecom.work","is_leader_in_dept":[1,0],"direct_leader":["lisi"],
				 "avatar":"http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0",
				 "thumb_avatar":"http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/100",
				 "telephone":"020-123456","alias":"jackzhang","address":"广州市海珠区新港中路","open_userid":"xxxxxx",
				 "main_department":1,
				 "extattr":{"attrs":[{"type":0,"name":"文本名称","text":{"value":"文本"}},
				   {"type":1,"name":"网页名称","web":{"url":"http://www.test.com","title":"标题"}}]},
				 "status":1,"qr_code":"https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=xxx",
				 "external_position":"产品经理",
				 "external_profile":{"external_corp_name":"企业简称","wechat_channels":{"nickname":"视频号名称","status":1},
				   "external_attr":[{"type":0,"name":"文本名称","text":{"value":"文本"}},
				     {"type":2,"name":"测试app","miniprogram":{"appid":"wx8bd8012614784fake","pagepath":"/index","title":"my miniprogram"}}]}}""");
		User user = this.users.get("zhangsan");
		assertThat(last("/cgi-bin/user/get").method()).isEqualTo("GET");
		assertThat(last("/cgi-bin/user/get").param("userid")).isEqualTo("zhangsan");
		assertThat(user.name()).isEqualTo("张三");
		assertThat(user.department()).containsExactly(1L, 2L);
		assertThat(user.isLeaderInDept()).containsExactly(1, 0);
		assertThat(user.directLeader()).containsExactly("lisi");
		assertThat(user.bizMail()).isEqualTo("zhangsan@qyycs2.wecom.work");
		assertThat(user.openUserid()).isEqualTo("xxxxxx");
		assertThat(user.qrCode()).startsWith("https://open.work.weixin.qq.com/");
		assertThat(user.thumbAvatar()).endsWith("/100");
		assertThat(user.status()).isEqualTo(1);
		assertThat(user.extattr().attrs()).extracting(Attribute::name).containsExactly("文本名称", "网页名称");
		assertThat(user.extattr().attrs().get(1).web().url()).isEqualTo("http://www.test.com");
		assertThat(user.externalProfile().externalCorpName()).isEqualTo("企业简称");
		assertThat(user.externalProfile().wechatChannels().nickname()).isEqualTo("视频号名称");
		assertThat(user.externalProfile().externalAttr().get(1).miniprogram().pagepath()).isEqualTo("/index");
	}

	@Test
	void createsAMemberWithWeComsFieldNames() {
		this.wecom.respond("/cgi-bin/user/create", OK);
		this.users.create(User.builder("zhangsan")
			.name("张三")
			.alias("jackzhang")
			.mobile("+86 13800000000")
			.department(1, 2)
			.order(10, 40)
			.position("产品经理")
			.gender("1")
			.email("zhangsan@gzdev.com")
			.bizMail("zhangsan@qyycs2.wecom.work")
			.isLeaderInDept(1, 0)
			.directLeader("lisi")
			.enabled(true)
			.avatarMediaid("2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0")
			.telephone("020-123456")
			.address("广州市海珠区新港中路")
			.mainDepartment(1)
			.extattr(Attribute.text("文本名称", "文本"), Attribute.web("网页名称", "http://www.test.com", "标题"))
			.toInvite(false)
			.externalPosition("高级产品经理")
			.externalProfile(new User.ExternalProfile("企业简称", null,
					List.of(Attribute.miniprogram("测试app", "wx8bd8012614784fake", "/index", "my miniprogram"))))
			.build());
		assertThat(last("/cgi-bin/user/create").method()).isEqualTo("POST");
		assertThat(json(last("/cgi-bin/user/create").bodyText())).isEqualTo(json("""
				{"userid":"zhangsan","name":"张三","alias":"jackzhang","mobile":"+86 13800000000",
				 "department":[1,2],"order":[10,40],"position":"产品经理","gender":"1","email":"zhangsan@gzdev.com",
				 "biz_mail":"zhangsan@qyycs2.wecom.work","is_leader_in_dept":[1,0],"direct_leader":["lisi"],
				 "enable":1,"avatar_mediaid":"2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0","telephone":"020-123456",
				 "address":"广州市海珠区新港中路","main_department":1,
				 "extattr":{"attrs":[{"type":0,"name":"文本名称","text":{"value":"文本"}},
				   {"type":1,"name":"网页名称","web":{"url":"http://www.test.com","title":"标题"}}]},
				 "to_invite":false,"external_position":"高级产品经理",
				 "external_profile":{"external_corp_name":"企业简称","external_attr":[
				   {"type":2,"name":"测试app","miniprogram":{"appid":"wx8bd8012614784fake","pagepath":"/index","title":"my miniprogram"}}]}}"""));
	}

	@Test
	void updatesOnlyTheFieldsSetAndCanRenameTheAccount() {
		this.wecom.respond("/cgi-bin/user/update", OK);
		this.users.update(User.builder("zhangsan").newUserid("zhangsan2").position("架构师").enabled(false).build());
		assertThat(json(last("/cgi-bin/user/update").bodyText())).isEqualTo(json("""
				{"userid":"zhangsan","new_userid":"zhangsan2","position":"架构师","enable":0}"""));
	}

	@Test
	void aMemberReadCanBeChangedAndWrittenBackWithoutItsReadOnlyFields() {
		this.wecom.respond("/cgi-bin/user/get", """
				{"errcode":0,"errmsg":"ok","userid":"zhangsan","name":"张三","department":[1],"status":1,
				 "avatar":"http://wx.qlogo.cn/a/0","qr_code":"https://q"}""");
		this.wecom.respond("/cgi-bin/user/update", OK);
		this.users.update(this.users.get("zhangsan").toBuilder().name("张三丰").build());
		assertThat(json(last("/cgi-bin/user/update").bodyText())).isEqualTo(json("""
				{"userid":"zhangsan","name":"张三丰","department":[1]}"""));
	}

	@Test
	void deletesOneOrManyMembers() {
		this.wecom.respond("/cgi-bin/user/delete", OK).respond("/cgi-bin/user/batchdelete", OK);
		this.users.delete("zhangsan");
		assertThat(last("/cgi-bin/user/delete").method()).isEqualTo("GET");
		assertThat(last("/cgi-bin/user/delete").param("userid")).isEqualTo("zhangsan");
		this.users.batchDelete(UserApi.Userids.of("zhangsan", "lisi"));
		assertThat(json(last("/cgi-bin/user/batchdelete").bodyText()))
			.isEqualTo(json("{\"useridlist\":[\"zhangsan\",\"lisi\"]}"));
	}

	@Test
	void listsTheMembersOfADepartmentSimplyAndInFull() {
		this.wecom.respond("/cgi-bin/user/simplelist", """
				{"errcode":0,"errmsg":"ok","userlist":[{"userid":"zhangsan","name":"张三","department":[1,2],
				 "open_userid":"xxxxxx"}]}""");
		this.wecom.respond("/cgi-bin/user/list", """
				{"errcode":0,"errmsg":"ok","userlist":[{"userid":"zhangsan","name":"李四","department":[1,2],
				 "order":[1,2],"position":"后台工程师","main_department":2,"status":1},{"userid":"lisi","name":"李四"}]}""");
		List<UserApi.SimpleUser> simple = this.users.simpleList(1).users();
		assertThat(last("/cgi-bin/user/simplelist").param("department_id")).isEqualTo("1");
		assertThat(simple).containsExactly(new UserApi.SimpleUser("zhangsan", "张三", List.of(1L, 2L), "xxxxxx"));
		List<User> full = this.users.list(2).users();
		assertThat(last("/cgi-bin/user/list").param("department_id")).isEqualTo("2");
		assertThat(full).extracting(User::userid).containsExactly("zhangsan", "lisi");
		assertThat(full.get(0).mainDepartment()).isEqualTo(2L);
	}

	@Test
	void anEmptyDepartmentListsNoMembersRatherThanNull() {
		this.wecom.respond("/cgi-bin/user/list", OK);
		assertThat(this.users.list(2).users()).isEmpty();
	}

	@Test
	void walksEveryPageOfUseridsFollowingTheCursor() {
		this.wecom.route("/cgi-bin/user/list_id", (request) -> {
			String cursor = json(request.bodyText()).path("cursor").asString("");
			return WeComStandIn.Answer.json(switch (cursor) {
				case "" -> """
						{"errcode":0,"errmsg":"ok","next_cursor":"page2",
						 "dept_user":[{"userid":"zhangsan","department":1},{"userid":"zhangsan","department":2}]}""";
				case "page2" -> """
						{"errcode":0,"errmsg":"ok","next_cursor":"",
						 "dept_user":[{"userid":"lisi","department":2}]}""";
				default -> "{\"errcode\":40001,\"errmsg\":\"unexpected cursor\"}";
			});
		});
		Stream<UserApi.UseridPage.Entry> all = this.users.listAllIds();
		assertThat(this.wecom.requests("/cgi-bin/user/list_id")).isEmpty();
		assertThat(this.users.listAllIds().iterator().next().userid()).isEqualTo("zhangsan");
		assertThat(this.wecom.requests("/cgi-bin/user/list_id")).as("a page is fetched only when needed").hasSize(1);
		this.wecom.clearRequests();
		assertThat(all.toList()).containsExactly(new UserApi.UseridPage.Entry("zhangsan", 1L),
				new UserApi.UseridPage.Entry("zhangsan", 2L), new UserApi.UseridPage.Entry("lisi", 2L));
		List<WeComStandIn.RecordedRequest> calls = this.wecom.requests("/cgi-bin/user/list_id");
		assertThat(calls).hasSize(2);
		assertThat(json(calls.get(0).bodyText())).isEqualTo(json("{\"limit\":10000}"));
		assertThat(json(calls.get(1).bodyText())).isEqualTo(json("{\"cursor\":\"page2\",\"limit\":10000}"));
	}

	@Test
	void convertsBetweenUseridAndOpenid() {
		this.wecom.respond("/cgi-bin/user/convert_to_openid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"oDjGHs-1yCnGrRovBj2yHij5JAAA\"}");
		this.wecom.respond("/cgi-bin/user/convert_to_userid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}");
		assertThat(this.users.convertToOpenid(new UserApi.Userid("zhangsan")).openid())
			.isEqualTo("oDjGHs-1yCnGrRovBj2yHij5JAAA");
		assertThat(json(last("/cgi-bin/user/convert_to_openid").bodyText())).isEqualTo(json("{\"userid\":\"zhangsan\"}"));
		assertThat(this.users.convertToUserid(new UserApi.Openid("oDjGHs-1yCnGrRovBj2yHij5JAAA")).userid())
			.isEqualTo("zhangsan");
		assertThat(json(last("/cgi-bin/user/convert_to_userid").bodyText()))
			.isEqualTo(json("{\"openid\":\"oDjGHs-1yCnGrRovBj2yHij5JAAA\"}"));
	}

	@Test
	void confirmsTwoFactorAuthentication() {
		this.wecom.respond("/cgi-bin/user/authsucc", OK);
		this.users.authSucceeded("zhangsan");
		assertThat(last("/cgi-bin/user/authsucc").method()).isEqualTo("GET");
		assertThat(last("/cgi-bin/user/authsucc").param("userid")).isEqualTo("zhangsan");
	}

	@Test
	void invitesAndAnswersWhoCouldNotBeInvited() {
		this.wecom.respond("/cgi-bin/batch/invite", """
				{"errcode":0,"errmsg":"ok","invaliduser":["UserID1"],"invalidparty":[2],"invalidtag":[3]}""");
		UserApi.InvitationResult result = this.users
			.invite(new UserApi.Invitation(List.of("UserID1", "UserID2"), List.of(2L), List.of(3L)));
		assertThat(json(last("/cgi-bin/batch/invite").bodyText())).isEqualTo(json("""
				{"user":["UserID1","UserID2"],"party":[2],"tag":[3]}"""));
		assertThat(result.invalidUsers()).containsExactly("UserID1");
		assertThat(result.invalidParties()).containsExactly(2L);
		assertThat(result.invalidTags()).containsExactly(3L);
		this.wecom.respond("/cgi-bin/batch/invite", OK);
		UserApi.InvitationResult everyone = this.users.invite(UserApi.Invitation.users("UserID2"));
		assertThat(json(last("/cgi-bin/batch/invite").bodyText())).isEqualTo(json("{\"user\":[\"UserID2\"]}"));
		assertThat(everyone.invalidUsers()).isEmpty();
		assertThat(everyone.invalidParties()).isEmpty();
		assertThat(everyone.invalidTags()).isEmpty();
	}

	@Test
	void readsTheJoinQrCode() {
		this.wecom.respond("/cgi-bin/corp/get_join_qrcode", """
				{"errcode":0,"errmsg":"ok","join_qrcode":"https://work.weixin.qq.com/wework_admin/genqrcode?action=join&vcode=3db1fab03118ae2aa1544cb9abe84&r=hb_share_api_mjoin&qr_size=3"}""");
		assertThat(this.users.joinQrCode(3).url()).contains("qr_size=3");
		assertThat(last("/cgi-bin/corp/get_join_qrcode").param("size_type")).isEqualTo("3");
	}

	@Test
	void countsActiveMembersOfADay() {
		this.wecom.respond("/cgi-bin/user/get_active_stat", "{\"errcode\":0,\"errmsg\":\"ok\",\"active_cnt\":100}");
		assertThat(this.users.activeStat(UserApi.ActiveStatRequest.of(LocalDate.of(2020, 3, 27))).activeCount())
			.isEqualTo(100);
		assertThat(json(last("/cgi-bin/user/get_active_stat").bodyText())).isEqualTo(json("{\"date\":\"2020-03-27\"}"));
	}

	@Test
	void findsUseridsByMobileAndByEmail() {
		this.wecom.respond("/cgi-bin/user/getuserid", "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}");
		this.wecom.respond("/cgi-bin/user/get_userid_by_email",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"lisi\"}");
		assertThat(this.users.useridByMobile(new UserApi.MobileNumber("13430388888")).userid()).isEqualTo("zhangsan");
		assertThat(json(last("/cgi-bin/user/getuserid").bodyText())).isEqualTo(json("{\"mobile\":\"13430388888\"}"));
		assertThat(this.users.useridByEmail(UserApi.EmailAddress.personal("lisi@example.com")).userid())
			.isEqualTo("lisi");
		assertThat(json(last("/cgi-bin/user/get_userid_by_email").bodyText()))
			.isEqualTo(json("{\"email\":\"lisi@example.com\",\"email_type\":2}"));
	}

}

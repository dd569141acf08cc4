package dev.wxwork.api.externalcontact.groupchat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class GroupChatApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final GroupChatApi chats = this.fixture.agent().customerGroupChats();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void listsOnePageOfGroupsWithStatusAndOwnerFilters() {
		this.fixture.respond("groupchat/list", """
				"group_chat_list":[{"chat_id":"wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA","status":0},
				{"chat_id":"wrOgQhDgAAcwMTB7YmDkbeBsAAAA","status":2}],"next_cursor":"tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw"
				""");
		GroupChatApi.Page page = this.chats.list(new GroupChatApi.ListQuery(0,
				new GroupChatApi.OwnerFilter(List.of("abel")), "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI", 10));
		assertThat(this.fixture.sentBody("groupchat/list")).isEqualTo(json("""
				{"status_filter":0,"owner_filter":{"userid_list":["abel"]},
				 "cursor":"r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI","limit":10}"""));
		assertThat(page.items()).extracting(GroupChatApi.ChatStatus::chatId)
			.containsExactly("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "wrOgQhDgAAcwMTB7YmDkbeBsAAAA");
		assertThat(page.items().get(1).status()).isEqualTo(2);
		assertThat(page.nextCursor()).startsWith("tJzl");
	}

	@Test
	void walksEveryGroupOfSomeOwners() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/groupchat/list",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"group_chat_list\":[{\"chat_id\":\"c3\",\"status\":0}]}"
						: "{\"errcode\":0,\"group_chat_list\":[{\"chat_id\":\"c1\",\"status\":0},{\"chat_id\":\"c2\",\"status\":1}],\"next_cursor\":\"P2\"}"));
		assertThat(this.chats.listAll(List.of("abel"))).extracting(GroupChatApi.ChatStatus::chatId)
			.containsExactly("c1", "c2", "c3");
		assertThat(this.fixture.sentBodies("groupchat/list")).containsExactly(
				json("{\"owner_filter\":{\"userid_list\":[\"abel\"]},\"limit\":1000}"),
				json("{\"owner_filter\":{\"userid_list\":[\"abel\"]},\"cursor\":\"P2\",\"limit\":1000}"));
	}

	@Test
	void readsAGroupWithItsMembersInvitorsAndAdmins() {
		this.fixture.respond("groupchat/get", """
				"group_chat":{"chat_id":"wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA","name":"销售客服群","owner":"ZhuShengBen",
				"create_time":1572505490,"notice":"文明沟通，拒绝脏话",
				"member_list":[{"userid":"abel","type":1,"join_time":1572505491,"join_scene":1,
				"invitor":{"userid":"jack"},"group_nickname":"客服小张","name":"张三丰"},
				{"userid":"wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA","type":2,"unionid":"ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
				"join_time":1572505491,"join_scene":1,"group_nickname":"顾客老王","name":"王语嫣"}],
				"admin_list":[{"userid":"sam"},{"userid":"pony"}],"member_version":"71217227bbd112ecfe3a49c482195cb4"}""");
		GroupChat chat = this.chats.get("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
		assertThat(this.fixture.sentBody("groupchat/get"))
			.isEqualTo(json("{\"chat_id\":\"wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA\",\"need_name\":1}"));
		assertThat(chat.name()).isEqualTo("销售客服群");
		assertThat(chat.createTime()).isEqualTo(1572505490L);
		assertThat(chat.memberList()).hasSize(2);
		assertThat(chat.memberList().get(0).invitor().userid()).isEqualTo("jack");
		assertThat(chat.memberList().get(0).groupNickname()).isEqualTo("客服小张");
		assertThat(chat.memberList().get(1).type()).isEqualTo(2);
		assertThat(chat.memberList().get(1).unionid()).isEqualTo("ozynqsulJFCZ2z1aYeS8h-nuasdAAA");
		assertThat(chat.memberList().get(1).invitor()).isNull();
		assertThat(chat.adminList()).extracting(GroupChat.Admin::userid).containsExactly("sam", "pony");
		assertThat(chat.memberVersion()).isEqualTo("71217227bbd112ecfe3a49c482195cb4");
	}

	@Test
	void turnsAnOpengidIntoAChatId() {
		this.fixture.respond("opengid_to_chatid", "\"chat_id\":\"ooAAAAAAAAAAA\"");
		assertThat(this.chats.chatIdOfOpengid("oAAAAAAA")).isEqualTo("ooAAAAAAAAAAA");
		assertThat(this.fixture.sentBody("opengid_to_chatid")).isEqualTo(json("{\"opengid\":\"oAAAAAAA\"}"));
	}

	@Test
	void readsOnePageOfStatisticsPerOwner() {
		this.fixture.respond("groupchat/statistic", """
				"total":2,"next_offset":2,"items":[{"owner":"zhangsan","data":{"new_chat_cnt":2,"chat_total":2,
				"chat_has_msg":0,"new_member_cnt":0,"member_total":6,"member_has_msg":0,"msg_total":0,
				"migrate_trainee_chat_cnt":3}},{"owner":"lisi","data":{"new_chat_cnt":1,"chat_total":3,"chat_has_msg":2,
				"new_member_cnt":0,"member_total":6,"member_has_msg":0,"msg_total":0}}]""");
		GroupChatApi.StatisticPage page = this.chats.statistic(new GroupChatApi.StatisticQuery(1600272000L, 1600444800L,
				new GroupChatApi.OwnerFilter(List.of("zhangsan")), 2, 0, 0, 1000));
		assertThat(this.fixture.sentBody("groupchat/statistic")).isEqualTo(json("""
				{"day_begin_time":1600272000,"day_end_time":1600444800,"owner_filter":{"userid_list":["zhangsan"]},
				 "order_by":2,"order_asc":0,"offset":0,"limit":1000}"""));
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.nextOffset()).isEqualTo(2);
		assertThat(page.items()).extracting(GroupChatApi.OwnerStatistic::owner).containsExactly("zhangsan", "lisi");
		assertThat(page.items().get(0).data().memberTotal()).isEqualTo(6);
		assertThat(page.items().get(0).data().migrateTraineeChatCnt()).isEqualTo(3);
		assertThat(page.items().get(1).data().chatHasMsg()).isEqualTo(2);
	}

	@Test
	void walksStatisticsByOffsetUntilTheTotal() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/groupchat/statistic", (request) -> {
			JsonNode body = WxWorkJson.mapper().readTree(request.bodyText());
			return Answer.json((body.get("offset").asInt() == 0)
					? "{\"errcode\":0,\"total\":3,\"next_offset\":2,\"items\":[{\"owner\":\"a\",\"data\":{\"chat_total\":1}},"
							+ "{\"owner\":\"b\",\"data\":{\"chat_total\":2}}]}"
					: "{\"errcode\":0,\"total\":3,\"next_offset\":3,\"items\":[{\"owner\":\"c\",\"data\":{\"chat_total\":3}}]}");
		});
		assertThat(this.chats.statisticAll(1600272000L, 1600444800L, List.of("a", "b", "c")))
			.extracting((item) -> item.owner() + "=" + item.data().chatTotal())
			.containsExactly("a=1", "b=2", "c=3");
		assertThat(this.fixture.sentBodies("groupchat/statistic")).extracting((body) -> body.get("offset").asInt())
			.containsExactly(0, 2);
		assertThat(this.fixture.sentBody("groupchat/statistic").get("owner_filter"))
			.isEqualTo(json("{\"userid_list\":[\"a\",\"b\",\"c\"]}"));
	}

	@Test
	void readsStatisticsPerDay() {
		this.fixture.respond("groupchat/statistic_group_by_day", """
				"items":[{"stat_time":1600272000,"data":{"new_chat_cnt":2,"chat_total":2,"chat_has_msg":0,
				"new_member_cnt":0,"member_total":6,"member_has_msg":0,"msg_total":0}},
				{"stat_time":1600358400,"data":{"new_chat_cnt":2,"chat_total":2,"chat_has_msg":0,"new_member_cnt":0,
				"member_total":6,"member_has_msg":0,"msg_total":5}}]""");
		GroupChatApi.DayStatistics days = this.chats
			.statisticByDay(GroupChatApi.DayStatisticQuery.of(1600272000L, 1600358400L, List.of("zhangsan")));
		assertThat(this.fixture.sentBody("groupchat/statistic_group_by_day")).isEqualTo(json("""
				{"day_begin_time":1600272000,"day_end_time":1600358400,"owner_filter":{"userid_list":["zhangsan"]}}"""));
		assertThat(days.items()).extracting(GroupChatApi.DayStatistic::statTime).containsExactly(1600272000L,
				1600358400L);
		assertThat(days.items().get(1).data().msgTotal()).isEqualTo(5);
		assertThat(days.items().get(0).data().newChatCnt()).isEqualTo(2);
	}

}

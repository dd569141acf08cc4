package dev.wxwork.api.externalcontact.strategy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.api.externalcontact.CustomerContactFixture;
import dev.wxwork.api.externalcontact.strategy.Strategies.StrategyEdit;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.api.externalcontact.CustomerContactFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class StrategyApiTest {

	private final CustomerContactFixture fixture = new CustomerContactFixture();

	private final CustomerStrategyApi customerStrategies = this.fixture.agent().customerStrategies();

	private final MomentStrategyApi momentStrategies = this.fixture.agent().momentStrategies();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void walksEveryCustomerRuleGroupId() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/customer_strategy/list",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"strategy\":[{\"strategy_id\":3}],\"next_cursor\":\"\"}"
						: "{\"errcode\":0,\"strategy\":[{\"strategy_id\":1},{\"strategy_id\":2}],\"next_cursor\":\"NEXT\"}"));
		assertThat(this.customerStrategies.listAll()).containsExactly(1L, 2L, 3L);
		assertThat(this.fixture.sentBodies("customer_strategy/list")).containsExactly(json("{\"limit\":1000}"),
				json("{\"cursor\":\"NEXT\",\"limit\":1000}"));
	}

	@Test
	void readsACustomerRuleGroupWithItsPrivileges() {
		this.fixture.respond("customer_strategy/get", """
				"strategy":{"strategy_id":1,"parent_id":0,"strategy_name":"NAME","create_time":1557838797,
				"admin_list":["zhangsan","lisi"],"privilege":{"view_customer_list":true,"view_customer_data":true,
				"view_room_list":true,"contact_me":true,"join_room":true,"share_customer":false,
				"oper_resign_customer":true,"oper_resign_group":true,"send_customer_msg":true,"edit_welcome_msg":true,
				"view_behavior_data":true,"view_room_data":true,"send_group_msg":true,"room_deduplication":true,
				"rapid_reply":true,"onjob_customer_transfer":true,"edit_anti_spam_rule":true,"export_customer_list":true,
				"export_customer_data":true,"export_customer_group_list":true,"manage_customer_tag":true}}""");
		Strategy<CustomerStrategyPrivilege> strategy = this.customerStrategies.get(1);
		assertThat(this.fixture.sentBody("customer_strategy/get")).isEqualTo(json("{\"strategy_id\":1}"));
		assertThat(strategy.strategyName()).isEqualTo("NAME");
		assertThat(strategy.parentId()).isZero();
		assertThat(strategy.adminList()).containsExactly("zhangsan", "lisi");
		assertThat(strategy.privilege().viewCustomerList()).isTrue();
		assertThat(strategy.privilege().shareCustomer()).isFalse();
		assertThat(strategy.privilege().onjobCustomerTransfer()).isTrue();
		assertThat(strategy.privilege().manageCustomerTag()).isTrue();
	}

	@Test
	void readsOnePageOfARuleGroupsRange() {
		this.fixture.respond("customer_strategy/get_range", """
				"range":[{"type":1,"userid":"zhangsan"},{"type":2,"partyid":1}],"next_cursor":"NEXT_CURSOR"
				""");
		Strategies.RangePage page = this.customerStrategies.range(new Strategies.RangeQuery(1L, "CURSOR", 1000));
		assertThat(this.fixture.sentBody("customer_strategy/get_range"))
			.isEqualTo(json("{\"strategy_id\":1,\"cursor\":\"CURSOR\",\"limit\":1000}"));
		assertThat(page.items()).containsExactly(StrategyRange.member("zhangsan"), StrategyRange.department(1));
		assertThat(page.nextCursor()).isEqualTo("NEXT_CURSOR");
	}

	@Test
	void createsEditsAndDeletesACustomerRuleGroup() {
		this.fixture.respond("customer_strategy/create", "\"strategy_id\":1")
			.respond("customer_strategy/edit", "")
			.respond("customer_strategy/del", "");
		CustomerStrategyPrivilege privilege = new CustomerStrategyPrivilege(true, null, null, null, null, null, null,
				null, null, null, null, null, true, null, null, null, null, null, null, null, null);
		long id = this.customerStrategies.create("NAME", List.of("zhangsan", "lisi"), privilege,
				List.of(StrategyRange.member("zhangsan"), StrategyRange.department(1)));
		this.customerStrategies.edit(new StrategyEdit<>(id, "NAME2", null, null, List.of(StrategyRange.member("wangwu")),
				List.of(StrategyRange.department(1))));
		this.customerStrategies.delete(id);
		assertThat(id).isEqualTo(1L);
		assertThat(this.fixture.sentBody("customer_strategy/create")).isEqualTo(json("""
				{"strategy_name":"NAME","admin_list":["zhangsan","lisi"],
				 "privilege":{"view_customer_list":true,"send_group_msg":true},
				 "range":[{"type":1,"userid":"zhangsan"},{"type":2,"partyid":1}]}"""));
		assertThat(this.fixture.sentBody("customer_strategy/edit")).isEqualTo(json("""
				{"strategy_id":1,"strategy_name":"NAME2","range_add":[{"type":1,"userid":"wangwu"}],
				 "range_del":[{"type":2,"partyid":1}]}"""));
		assertThat(this.fixture.sentBody("customer_strategy/del")).isEqualTo(json("{\"strategy_id\":1}"));
	}

	@Test
	void listsAndReadsMomentRuleGroups() {
		this.fixture.respond("moment_strategy/list", "\"strategy\":[{\"strategy_id\":7}],\"next_cursor\":\"N\"")
			.respond("moment_strategy/get", """
					"strategy":{"strategy_id":7,"parent_id":1,"strategy_name":"朋友圈","create_time":1557838797,
					"admin_list":["zhangsan"],"privilege":{"view_moment_list":true,"send_moment":false,
					"manage_moment_cover_and_sign":true}}""");
		Strategies.IdPage page = this.momentStrategies.list(new Strategies.PageQuery(null, 100));
		Strategy<MomentStrategyPrivilege> strategy = this.momentStrategies.get(7);
		assertThat(this.fixture.sentBody("moment_strategy/list")).isEqualTo(json("{\"limit\":100}"));
		assertThat(page.items()).extracting(Strategies.StrategyId::strategyId).containsExactly(7L);
		assertThat(page.nextCursor()).isEqualTo("N");
		assertThat(strategy.parentId()).isEqualTo(1L);
		assertThat(strategy.privilege().viewMomentList()).isTrue();
		assertThat(strategy.privilege().sendMoment()).isFalse();
		assertThat(strategy.privilege().manageMomentCoverAndSign()).isTrue();
	}

	@Test
	void walksTheRangeAndManagesMomentRuleGroups() {
		this.fixture.wecom().route("/cgi-bin/externalcontact/moment_strategy/get_range",
				(request) -> Answer.json(request.bodyText().contains("\"cursor\"")
						? "{\"errcode\":0,\"range\":[{\"type\":2,\"partyid\":5}]}"
						: "{\"errcode\":0,\"range\":[{\"type\":1,\"userid\":\"lisi\"}],\"next_cursor\":\"R2\"}"));
		this.fixture.respond("moment_strategy/create", "\"strategy_id\":8")
			.respond("moment_strategy/edit", "")
			.respond("moment_strategy/del", "");
		assertThat(this.momentStrategies.rangeAll(7)).containsExactly(StrategyRange.member("lisi"),
				StrategyRange.department(5));
		assertThat(this.fixture.sentBodies("moment_strategy/get_range")).containsExactly(
				json("{\"strategy_id\":7,\"limit\":1000}"), json("{\"strategy_id\":7,\"cursor\":\"R2\",\"limit\":1000}"));
		long id = this.momentStrategies.create(new Strategies.NewStrategy<>(7L, "子规则组", List.of("lisi"),
				new MomentStrategyPrivilege(true, true, false), List.of(StrategyRange.member("lisi"))))
			.strategyId();
		this.momentStrategies.edit(new StrategyEdit<>(id, null, List.of("wangwu"), null, null, null));
		this.momentStrategies.delete(id);
		assertThat(this.fixture.sentBody("moment_strategy/create")).isEqualTo(json("""
				{"parent_id":7,"strategy_name":"子规则组","admin_list":["lisi"],
				 "privilege":{"view_moment_list":true,"send_moment":true,"manage_moment_cover_and_sign":false},
				 "range":[{"type":1,"userid":"lisi"}]}"""));
		assertThat(this.fixture.sentBody("moment_strategy/edit"))
			.isEqualTo(json("{\"strategy_id\":8,\"admin_list\":[\"wangwu\"]}"));
		assertThat(this.fixture.sentBody("moment_strategy/del")).isEqualTo(json("{\"strategy_id\":8}"));
	}

}

package dev.wxwork.api.externalcontact.strategy;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.api.externalcontact.strategy.Strategies.Details;
import dev.wxwork.api.externalcontact.strategy.Strategies.IdPage;
import dev.wxwork.api.externalcontact.strategy.Strategies.NewStrategy;
import dev.wxwork.api.externalcontact.strategy.Strategies.PageQuery;
import dev.wxwork.api.externalcontact.strategy.Strategies.RangePage;
import dev.wxwork.api.externalcontact.strategy.Strategies.RangeQuery;
import dev.wxwork.api.externalcontact.strategy.Strategies.StrategyEdit;
import dev.wxwork.api.externalcontact.strategy.Strategies.StrategyId;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Moment rule groups (客户朋友圈规则组管理, doc 94890). */
@HttpExchange("/cgi-bin/externalcontact/moment_strategy")
public interface MomentStrategyApi {

	/** One page of the rule groups' ids (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/list")
	IdPage list(@RequestBody PageQuery query);

	/** The ids of every rule group, page by page (doc 94890). */
	@WeComDoc(value = "94890", path = "/cgi-bin/externalcontact/moment_strategy/list")
	default Stream<Long> listAll() {
		return Pages.<StrategyId>byCursor((cursor) -> list(new PageQuery(cursor, 1000))).map(StrategyId::strategyId);
	}

	/** A rule group with its admins and privileges (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get")
	Details<MomentStrategyPrivilege> get(@RequestBody StrategyId strategyId);

	/** A rule group with its admins and privileges (doc 94890). */
	@WeComDoc(value = "94890", path = "/cgi-bin/externalcontact/moment_strategy/get")
	default Strategy<MomentStrategyPrivilege> get(long strategyId) {
		return get(new StrategyId(strategyId)).strategy();
	}

	/** One page of the members and departments a rule group manages (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_range")
	RangePage range(@RequestBody RangeQuery query);

	/** Every member and department a rule group manages, page by page (doc 94890). */
	@WeComDoc(value = "94890", path = "/cgi-bin/externalcontact/moment_strategy/get_range")
	default Stream<StrategyRange> rangeAll(long strategyId) {
		return Pages.byCursor((cursor) -> range(new RangeQuery(strategyId, cursor, 1000)));
	}

	/** Creates a rule group and returns its id (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/create")
	StrategyId create(@RequestBody NewStrategy<MomentStrategyPrivilege> strategy);

	/** Creates a top-level rule group and returns its id (doc 94890). */
	@WeComDoc(value = "94890", path = "/cgi-bin/externalcontact/moment_strategy/create")
	default long create(String strategyName, List<String> adminList, MomentStrategyPrivilege privilege,
			List<StrategyRange> range) {
		return create(new NewStrategy<>(null, strategyName, adminList, privilege, range)).strategyId();
	}

	/** Changes a rule group's name, admins, privileges and range (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/edit")
	void edit(@RequestBody StrategyEdit<MomentStrategyPrivilege> edit);

	/** Deletes a rule group (doc 94890). */
	@WeComDoc("94890")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@PostExchange("/del")
	void delete(@RequestBody StrategyId strategyId);

	/** Deletes a rule group (doc 94890). */
	@WeComDoc(value = "94890", path = "/cgi-bin/externalcontact/moment_strategy/del")
	default void delete(long strategyId) {
		delete(new StrategyId(strategyId));
	}

}

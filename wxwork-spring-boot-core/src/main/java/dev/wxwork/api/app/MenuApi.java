package dev.wxwork.api.app;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** An app's custom menu (自定义菜单); an app's own id is {@code agent.requireAgentId()}. */
@HttpExchange("/cgi-bin/menu")
public interface MenuApi {

	/** Replaces the app's menu: up to 3 buttons, each with up to 5 sub-buttons (doc 90231). */
	@WeComDoc("90231")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/create")
	void create(@RequestParam("agentid") long agentid, @RequestBody Menu menu);

	/** The app's menu (doc 90232). */
	@WeComDoc("90232")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	Menu get(@RequestParam("agentid") long agentid);

	/** Removes the app's menu (doc 90233). */
	@WeComDoc("90233")
	@WeComCall(Idempotency.NOT_IDEMPOTENT)
	@GetExchange("/delete")
	void delete(@RequestParam("agentid") long agentid);

}

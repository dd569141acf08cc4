package dev.wxwork.api.app;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Apps and their workbench display (应用管理); an app's own id is {@code agent.requireAgentId()}. */
@HttpExchange("/cgi-bin/agent")
public interface AgentApi {

	/** One app's details: name, logo, visible range, home page (doc 90227). */
	@WeComDoc("90227")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get")
	AgentDetail get(@RequestParam("agentid") long agentid);

	/** The apps the access token may see (doc 90227). */
	@WeComDoc("90227")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/list")
	AgentList list();

	/** Changes an app's settings; absent fields stay as they are (doc 90228). */
	@WeComDoc("90228")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/set")
	void set(@RequestBody AgentSettings settings);

	/** Sets the template the app shows on every member's workbench (doc 92535). */
	@WeComDoc("92535")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/set_workbench_template")
	void setWorkbenchTemplate(@RequestBody WorkbenchTemplate template);

	/** The app's workbench template (doc 92535). */
	@WeComDoc("92535")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_workbench_template")
	WorkbenchTemplate getWorkbenchTemplate(@RequestBody AgentRef agent);

	/** The app's workbench template (doc 92535). */
	@WeComDoc("92535")
	default WorkbenchTemplate getWorkbenchTemplate(long agentid) {
		return getWorkbenchTemplate(new AgentRef(agentid));
	}

	/** Sets what one member's workbench shows, for templates that allow it (doc 92535). */
	@WeComDoc("92535")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/set_workbench_data")
	void setWorkbenchData(@RequestBody WorkbenchData data);

	/** A request body naming an app. */
	record AgentRef(long agentid) {
	}

}

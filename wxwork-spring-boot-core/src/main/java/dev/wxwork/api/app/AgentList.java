package dev.wxwork.api.app;

import java.util.List;

/** The apps agent/list answers (doc 90227). */
public record AgentList(List<AgentSummary> agentlist) {

	/** An app in the list. */
	public record AgentSummary(Long agentid, String name, String squareLogoUrl) {
	}

}

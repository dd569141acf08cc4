package dev.wxwork.api.app;

/**
 * The settings agent/set changes (doc 90228); null fields are left unchanged.
 * @param logoMediaid a media id of an uploaded image, for the logo
 * @param reportLocationFlag 1 to have members' locations reported
 * @param isreportenter 1 to have members entering the app reported
 */
public record AgentSettings(long agentid, Integer reportLocationFlag, String logoMediaid, String name,
		String description, String redirectDomain, Integer isreportenter, String homeUrl) {

	/** Settings for this app that change nothing yet; set fields with the {@code with…} methods. */
	public static AgentSettings of(long agentid) {
		return new AgentSettings(agentid, null, null, null, null, null, null, null);
	}

	public AgentSettings withName(String name) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	public AgentSettings withDescription(String description) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	public AgentSettings withLogoMediaid(String logoMediaid) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	public AgentSettings withRedirectDomain(String redirectDomain) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				redirectDomain, this.isreportenter, this.homeUrl);
	}

	public AgentSettings withHomeUrl(String homeUrl) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, homeUrl);
	}

	public AgentSettings withReportLocation(boolean report) {
		return new AgentSettings(this.agentid, report ? 1 : 0, this.logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	public AgentSettings withReportEnter(boolean report) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				this.redirectDomain, report ? 1 : 0, this.homeUrl);
	}

}

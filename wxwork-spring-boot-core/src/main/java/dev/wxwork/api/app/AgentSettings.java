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

	/** The same settings, renaming the app. */
	public AgentSettings withName(String name) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	/** The same settings, with a new description. */
	public AgentSettings withDescription(String description) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	/** The same settings, with a new logo (the media id of an uploaded image). */
	public AgentSettings withLogoMediaid(String logoMediaid) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	/** The same settings, with a new trusted domain for OAuth2 redirects. */
	public AgentSettings withRedirectDomain(String redirectDomain) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				redirectDomain, this.isreportenter, this.homeUrl);
	}

	/** The same settings, with a new home page. */
	public AgentSettings withHomeUrl(String homeUrl) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, homeUrl);
	}

	/** The same settings, turning the report of members' locations on or off. */
	public AgentSettings withReportLocation(boolean report) {
		return new AgentSettings(this.agentid, report ? 1 : 0, this.logoMediaid, this.name, this.description,
				this.redirectDomain, this.isreportenter, this.homeUrl);
	}

	/** The same settings, turning the report of members entering the app on or off. */
	public AgentSettings withReportEnter(boolean report) {
		return new AgentSettings(this.agentid, this.reportLocationFlag, this.logoMediaid, this.name, this.description,
				this.redirectDomain, report ? 1 : 0, this.homeUrl);
	}

}

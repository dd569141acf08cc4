package dev.wxwork.api.app;

import java.util.List;

/**
 * An app as agent/get answers it (doc 90227).
 * @param close 1 when the app is disabled
 * @param reportLocationFlag 1 when the app reports members' locations
 * @param isreportenter 1 when the app reports members entering it
 * @param customizedPublishStatus for apps developed on behalf: 0 unpublished, 1 publishing, 2 published
 */
public record AgentDetail(Long agentid, String name, String squareLogoUrl, String description,
		AllowedUsers allowUserinfos, AllowedDepartments allowPartys, AllowedTags allowTags, Integer close,
		String redirectDomain, Integer reportLocationFlag, Integer isreportenter, String homeUrl,
		Integer customizedPublishStatus) {

	/** The members in the app's visible range. */
	public record AllowedUsers(List<AllowedUser> user) {
	}

	/** A member in the app's visible range. */
	public record AllowedUser(String userid) {
	}

	/** The departments in the app's visible range. */
	public record AllowedDepartments(List<Long> partyid) {
	}

	/** The tags in the app's visible range. */
	public record AllowedTags(List<Long> tagid) {
	}

}

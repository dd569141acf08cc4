package dev.wxwork.api.externalcontact.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A member who added a customer, with what the member noted about the customer (doc 92114).
 * @param userid the member
 * @param remark the member's name for the customer
 * @param description the member's description of the customer
 * @param createTime when the member added the customer, in epoch seconds
 * @param tags the corp, personal and rule-group tags the member gave the customer
 * @param remarkCorpName the customer's corp as the member noted it
 * @param remarkMobiles the customer's phone numbers as the member noted them
 * @param operUserid who started the adding: the member, or the customer for an add by the customer
 * @param addWay how the customer was added (0 unknown, 1 QR code, ... 202 assigned by the admin)
 * @param wechatChannels the WeChat channel (视频号) the customer came from
 * @param state the {@code state} of the "contact me" way the customer came through
 */
public record FollowUser(String userid, String remark, String description,
		@JsonProperty("createtime") Long createTime, List<Tag> tags, String remarkCorpName,
		List<String> remarkMobiles, String operUserid, Integer addWay, WechatChannels wechatChannels,
		String state) {

	/** A tag on the customer: type 1 corp tag, 2 personal tag, 3 rule-group tag. */
	public record Tag(String groupName, String tagName, String tagId, Integer type) {
	}

	/** A WeChat channel (视频号): its nickname and the source (0 unknown, 1 profile, 2 live). */
	public record WechatChannels(String nickname, Integer source) {
	}

}

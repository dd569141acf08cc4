package dev.wxwork.api.jssdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a page passes to {@code wx.agentConfig} (doc 94313), signed with the app's agent_config ticket.
 * @param corpid the corp id
 * @param agentid the app's AgentId
 * @param timestamp Unix seconds
 */
public record JsSdkAgentConfig(@JsonProperty("corpid") String corpid, @JsonProperty("agentid") long agentid,
		@JsonProperty("timestamp") long timestamp, @JsonProperty("nonceStr") String nonceStr,
		@JsonProperty("signature") String signature) {

	// Named as wx.agentConfig takes them (nonceStr), whatever naming strategy the mapper that writes it has.

}

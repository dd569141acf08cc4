package dev.wxwork.api.jssdk;

/**
 * What a page passes to {@code wx.agentConfig} (doc 94313), signed with the app's agent_config ticket.
 * @param corpid the corp id
 * @param agentid the app's AgentId
 * @param timestamp Unix seconds
 */
public record JsSdkAgentConfig(String corpid, long agentid, long timestamp, String nonceStr, String signature) {
}

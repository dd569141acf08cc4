package dev.wxwork.api.jssdk;

/**
 * What a page passes to {@code wx.config} (doc 90514), signed with the corp's jsapi_ticket.
 * @param appId the corp id
 * @param timestamp Unix seconds
 */
public record JsSdkConfig(String appId, long timestamp, String nonceStr, String signature) {
}

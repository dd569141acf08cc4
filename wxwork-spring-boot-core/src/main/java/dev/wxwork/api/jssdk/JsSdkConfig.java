package dev.wxwork.api.jssdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a page passes to {@code wx.config} (doc 90514), signed with the corp's jsapi_ticket.
 * @param appId the corp id
 * @param timestamp Unix seconds
 */
public record JsSdkConfig(@JsonProperty("appId") String appId, @JsonProperty("timestamp") long timestamp,
		@JsonProperty("nonceStr") String nonceStr, @JsonProperty("signature") String signature) {

	// Named as wx.config takes them (appId, nonceStr), whatever naming strategy the mapper that writes it has.

}

package dev.wxwork.api.network;

import java.util.List;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** WeCom's own IP ranges, for firewalls: where callbacks come from and where the API lives. */
@HttpExchange("/cgi-bin")
public interface NetworkApi {

	/** The IP addresses and ranges WeCom sends callbacks from (doc 92520). */
	@WeComDoc("92520")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/getcallbackip")
	IpList callbackIps();

	/** The IP addresses and ranges of the API domain qyapi.weixin.qq.com (doc 92520). */
	@WeComDoc("92520")
	@WeComCall(Idempotency.IDEMPOTENT)
	@GetExchange("/get_api_domain_ip")
	IpList apiDomainIps();

	/** IP addresses and CIDR ranges, as WeCom lists them. */
	record IpList(List<String> ipList) {
	}

}

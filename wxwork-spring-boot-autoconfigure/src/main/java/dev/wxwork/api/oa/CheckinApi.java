package dev.wxwork.api.oa;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;

/** The Checkin (打卡) app's records and rules; call with the Checkin app's secret. */
@HttpExchange("/cgi-bin/checkin")
public interface CheckinApi {

	/** Check-in records of up to 100 members over up to 30 days (doc 90262). */
	@WeComDoc("90262")
	@PostExchange("/getcheckindata")
	CheckinDataList getCheckinData(@RequestBody CheckinDataQuery query);

	/** The check-in rules that apply to up to 100 members on a day (doc 90263). */
	@WeComDoc("90263")
	@PostExchange("/getcheckinoption")
	CheckinOptionList getCheckinOption(@RequestBody CheckinOptionQuery query);

}

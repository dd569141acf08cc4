package dev.wxwork.api.oa;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** The Checkin (打卡) app's records and rules; call with the Checkin app's secret. */
@HttpExchange("/cgi-bin/checkin")
public interface CheckinApi {

	/** Check-in records of up to 100 members over up to 30 days (doc 90262). */
	@WeComDoc("90262")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getcheckindata")
	CheckinDataList getCheckinData(@RequestBody CheckinDataQuery query);

	/**
	 * Check-in records of any number of members over any period (doc 90262), read in as many calls
	 * as WeCom's limits of 100 members and 30 days per call need.
	 */
	@WeComDoc("90262")
	default List<CheckinDataList.CheckinRecord> getAllCheckinData(CheckinDataQuery query) {
		List<CheckinDataList.CheckinRecord> records = new ArrayList<>();
		List<String> userids = query.useridlist();
		for (int first = 0; first < userids.size(); first += CheckinDataQuery.MAX_USERS) {
			List<String> batch = userids.subList(first, Math.min(first + CheckinDataQuery.MAX_USERS, userids.size()));
			for (long start = query.starttime(); start < query.endtime(); start += CheckinDataQuery.MAX_PERIOD_SECONDS) {
				long end = Math.min(start + CheckinDataQuery.MAX_PERIOD_SECONDS, query.endtime());
				List<CheckinDataList.CheckinRecord> page = getCheckinData(
						new CheckinDataQuery(query.opencheckindatatype(), start, end, List.copyOf(batch)))
					.checkindata();
				if (page != null) {
					records.addAll(page);
				}
			}
		}
		return records;
	}

	/** The check-in rules that apply to up to 100 members on a day (doc 90263). */
	@WeComDoc("90263")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/getcheckinoption")
	CheckinOptionList getCheckinOption(@RequestBody CheckinOptionQuery query);

}

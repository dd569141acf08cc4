package dev.wxwork.api.oa;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.api.Pages;
import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

/** Records of the corp-paid phone (公费电话). */
@HttpExchange("/cgi-bin/dial")
public interface DialApi {

	/** One page of call records, at most 30 days, newest first (doc 93662). */
	@WeComDoc("93662")
	@WeComCall(Idempotency.IDEMPOTENT)
	@PostExchange("/get_dial_record")
	DialRecordPage getDialRecord(@RequestBody DialRecordQuery query);

	/** Every call record in a period, read page by page (doc 93662). */
	@WeComDoc("93662")
	default List<DialRecordPage.DialRecord> getAllDialRecords(long startTime, long endTime) {
		int limit = DialRecordQuery.MAX_LIMIT;
		return Pages.byPageSize(limit,
				(offset) -> getDialRecord(new DialRecordQuery(startTime, endTime, offset, limit)).record())
			.toList();
	}

}

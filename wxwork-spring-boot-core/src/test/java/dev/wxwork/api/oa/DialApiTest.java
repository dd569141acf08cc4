package dev.wxwork.api.oa;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.Answer;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class DialApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void readsAPageOfCallRecords() {
		this.wecom.respond("/cgi-bin/dial/get_dial_record", """
				{"errcode":0,"errmsg":"ok","record":[{"call_time":1536508800,"total_duration":10,"call_type":1,
				"caller":{"userid":"tony","duration":10},"callee":[{"phone":"138000800","duration":10}]},
				{"call_time":1536940800,"total_duration":20,"call_type":2,"caller":{"userid":"tony","duration":10},
				"callee":[{"phone":"138000800","duration":5},{"userid":"tom","duration":5}]}]}""");
		DialRecordPage page = this.agent.dialRecords().getDialRecord(new DialRecordQuery(1536508800L, 1536940800L, 0, 100));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/dial/get_dial_record").bodyText())).isEqualTo(json("""
				{"start_time":1536508800,"end_time":1536940800,"offset":0,"limit":100}"""));
		assertThat(page.record()).hasSize(2);
		assertThat(page.record().get(0).caller()).isEqualTo(new DialRecordPage.Caller("tony", 10L));
		assertThat(page.record().get(1).callee()).containsExactly(new DialRecordPage.Callee(null, "138000800", 5L),
				new DialRecordPage.Callee("tom", null, 5L));
	}

	@Test
	void walksEveryPageByOffset() {
		this.wecom.route("/cgi-bin/dial/get_dial_record", (request) -> {
			int offset = json(request.bodyText()).get("offset").asInt();
			int count = (offset < 200) ? 100 : 7;
			List<String> records = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				records.add("{\"call_time\":" + (offset + i) + ",\"total_duration\":1,\"call_type\":1}");
			}
			return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"record\":[" + String.join(",", records) + "]}");
		});
		List<DialRecordPage.DialRecord> all = this.agent.dialRecords().getAllDialRecords(1, 2);
		assertThat(all).hasSize(207);
		assertThat(all.get(206).callTime()).isEqualTo(206L);
		assertThat(this.wecom.requests("/cgi-bin/dial/get_dial_record"))
			.extracting((request) -> json(request.bodyText()).get("offset").asInt())
			.containsExactly(0, 100, 200);
	}

}

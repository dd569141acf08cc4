package dev.wxwork.api.linkedcorp;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.MessageContent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class LinkedCorpMessageApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void sendsToLinkedCorpMembersAndReadsTheUnreachable() {
		this.wecom.respond("/cgi-bin/linkedcorp/message/send", """
				{"errcode":0,"errmsg":"ok","invaliduser":["userid1","CorpId1/userid2"],"invalidparty":["LinkedId1/1"],
				"invalidtag":["TagId1"]}""");
		LinkedCorpSendResult result = this.agent.linkedCorpMessages()
			.send(LinkedCorpMessage.toUsers(this.agent.requireAgentId(), List.of("userid1", "CorpId1/userid2"),
					MessageContent.textCard("领奖通知", "<div class=\"gray\">2016年9月26日</div>", "URL", "更多"))
				.confidential());
		assertThat(json(this.wecom.lastRequest("/cgi-bin/linkedcorp/message/send").bodyText())).isEqualTo(json("""
				{"touser":["userid1","CorpId1/userid2"],"agentid":1000002,"msgtype":"textcard","safe":1,
				"textcard":{"title":"领奖通知","description":"<div class=\\"gray\\">2016年9月26日</div>","url":"URL",
				"btntxt":"更多"}}"""));
		assertThat(result).isEqualTo(new LinkedCorpSendResult(List.of("userid1", "CorpId1/userid2"),
				List.of("LinkedId1/1"), List.of("TagId1")));
	}

}

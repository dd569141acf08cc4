package dev.wxwork.api.school;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.MessageContent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;

class SchoolNotificationApiTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void sendsToParentsAndReadsTheUnreachable() {
		this.wecom.respond("/cgi-bin/externalcontact/message/send", """
				{"errcode":0,"errmsg":"ok","invalid_parent_userid":["parent_userid1"],
				"invalid_student_userid":["student_userid1"],"invalid_party":["party1"]}""");
		SchoolNotificationResult result = this.agent.schoolNotifications()
			.send(SchoolNotification.toParents(this.agent.requireAgentId(), List.of("parent_userid1", "parent_userid2"),
					MessageContent.text("明天放假")).withDuplicateCheck(1800));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/externalcontact/message/send").bodyText())).isEqualTo(json("""
				{"to_parent_userid":["parent_userid1","parent_userid2"],"agentid":1000002,"msgtype":"text",
				"text":{"content":"明天放假"},"enable_duplicate_check":1,"duplicate_check_interval":1800}"""));
		assertThat(result).isEqualTo(new SchoolNotificationResult(List.of("parent_userid1"),
				List.of("student_userid1"), List.of("party1")));
	}

	@Test
	void sendsToClassesWithTheReceiverScope() {
		this.wecom.respond("/cgi-bin/externalcontact/message/send", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.agent.schoolNotifications()
			.send(SchoolNotification.toClasses(1000002, List.of("10", "11"), 2, MessageContent.image("MEDIA_ID")));
		assertThat(json(this.wecom.lastRequest("/cgi-bin/externalcontact/message/send").bodyText())).isEqualTo(json("""
				{"recv_scope":2,"to_party":["10","11"],"agentid":1000002,"msgtype":"image",
				"image":{"media_id":"MEDIA_ID"},"enable_duplicate_check":1,"duplicate_check_interval":60}"""));
	}

}

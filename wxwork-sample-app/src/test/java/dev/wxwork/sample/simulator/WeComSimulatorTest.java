package dev.wxwork.sample.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeComSimulatorTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final WeComSimulator simulator = new WeComSimulator("ww-corp", Map.of("demo-secret", 1000002L),
			Set.of("zhangsan", "lisi"), this.clock);

	@Test
	void issuesATokenForTheConfiguredCorpAndSecretOnly() {
		Map<String, Object> answer = this.simulator.getToken("ww-corp", "demo-secret");
		assertThat(answer).containsEntry("errcode", 0).containsEntry("expires_in", 7200L);
		assertThat((String) answer.get("access_token")).hasSizeGreaterThan(32);
		assertThat(this.simulator.getToken("ww-other", "demo-secret")).containsEntry("errcode", 40013);
		assertThat(this.simulator.getToken("ww-corp", "wrong")).containsEntry("errcode", 40001);
		assertThat(this.simulator.getToken("ww-corp", null)).containsEntry("errcode", 40001);
	}

	@Test
	void countsEveryAcceptedTextPerRecipientAndContentButNotInvalidRecipientsAndKnowsMembersItWasToldOf() {
		String token = token();
		assertThat(this.simulator.sendMessage(token, text("newbie", "welcome, Newbie"))).containsEntry("errcode", 81013);
		this.simulator.addMember("newbie");
		this.simulator.sendMessage(token, text("newbie", "welcome, Newbie"));
		this.simulator.sendMessage(token, text("newbie|zhangsan", "welcome, Newbie"));
		this.simulator.sendMessage(token, text("zhangsan|nobody", "hi"));
		assertThat(this.simulator.deliveries()).containsExactlyInAnyOrder(
				new WeComSimulator.Delivery("newbie", "welcome, Newbie", 2),
				new WeComSimulator.Delivery("zhangsan", "welcome, Newbie", 1), new WeComSimulator.Delivery("zhangsan", "hi", 1));
	}

	@Test
	void issuesADifferentTokenEachTime() {
		assertThat(token()).isNotEqualTo(token());
	}

	@Test
	void sendsToKnownMembersAndListsUnknownOnesAsInvalid() {
		Map<String, Object> answer = this.simulator.sendMessage(token(), text("zhangsan|nobody|lisi", "hi"));
		assertThat(answer).containsEntry("errcode", 0).containsEntry("invaliduser", "nobody");
		assertThat((String) answer.get("msgid")).isNotBlank();
		assertThat(this.simulator.sentMessages()).singleElement()
			.satisfies((sent) -> assertThat(sent).containsEntry("msgid", answer.get("msgid")));
	}

	@Test
	void answersAnEmptyInvalidUserWhenEveryoneExists() {
		assertThat(this.simulator.sendMessage(token(), text("zhangsan", "hi"))).containsEntry("invaliduser", "");
	}

	@Test
	void givesEachMessageItsOwnMsgid() {
		String token = token();
		Object first = this.simulator.sendMessage(token, text("zhangsan", "one")).get("msgid");
		Object second = this.simulator.sendMessage(token, text("zhangsan", "two")).get("msgid");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void refusesAMessageWhoseRecipientsAreAllInvalid() {
		assertThat(this.simulator.sendMessage(token(), text("nobody|ghost", "hi"))).containsEntry("errcode", 81013);
		assertThat(this.simulator.sentMessages()).isEmpty();
	}

	@Test
	void refusesAnEmptyText() {
		assertThat(this.simulator.sendMessage(token(), text("zhangsan", ""))).containsEntry("errcode", 44004);
	}

	@Test
	void refusesAMessageWithoutRecipients() {
		assertThat(this.simulator.sendMessage(token(), json("{\"msgtype\":\"text\",\"agentid\":1000002,"
				+ "\"text\":{\"content\":\"hi\"}}"))).containsEntry("errcode", 82001);
	}

	@Test
	void refusesAnotherAppsAgentId() {
		assertThat(this.simulator.sendMessage(token(), json("{\"touser\":\"zhangsan\",\"msgtype\":\"text\","
				+ "\"agentid\":1000003,\"text\":{\"content\":\"hi\"}}"))).containsEntry("errcode", 40056);
	}

	@Test
	void refusesUnknownMissingAndExpiredTokensAsWeComDoes() {
		assertThat(this.simulator.sendMessage("forged", text("zhangsan", "hi"))).containsEntry("errcode", 40014);
		assertThat(this.simulator.sendMessage(null, text("zhangsan", "hi"))).containsEntry("errcode", 41001);
		String token = token();
		this.clock.advance(Duration.ofSeconds(7201));
		assertThat(this.simulator.sendMessage(token, text("zhangsan", "hi"))).containsEntry("errcode", 40014);
	}

	@Test
	void pointsEveryErrorAtWeComsErrorCodeLookup() {
		assertThat((String) this.simulator.getToken("ww-corp", "wrong").get("errmsg"))
			.endsWith("devtool/query?e=40001");
	}

	@Test
	void sendsToEveryoneWithAtAll() {
		assertThat(this.simulator.sendMessage(token(), text("@all", "hi"))).containsEntry("errcode", 0)
			.containsEntry("invaliduser", "");
		assertThat(List.of(this.simulator.sentMessages().size())).containsExactly(1);
	}

	@Test
	void countsGettokenCallsIssuedTokensAndAcceptedMessagesButNeverShowsATokenInItsStats() {
		assertThat(this.simulator.stats()).containsExactly(Map.entry("gettokenCalls", 0L), Map.entry("tokensIssued", 0L),
				Map.entry("messagesAccepted", 0L));
		String token = token();
		this.simulator.getToken("ww-corp", "wrong");
		this.simulator.sendMessage(token, text("zhangsan", "one"));
		this.simulator.sendMessage(token, text("nobody", "refused"));
		this.simulator.sendMessage(token, text("lisi", "two"));
		Map<String, Object> stats = this.simulator.stats();
		assertThat(stats).containsExactly(Map.entry("gettokenCalls", 2L), Map.entry("tokensIssued", 1L),
				Map.entry("messagesAccepted", 2L));
		assertThat(stats.values()).noneMatch((value) -> String.valueOf(value).contains(token));
	}

	private String token() {
		return (String) this.simulator.getToken("ww-corp", "demo-secret").get("access_token");
	}

	private static JsonNode text(String toUser, String content) {
		return JSON.createObjectNode()
			.put("touser", toUser)
			.put("msgtype", "text")
			.put("agentid", 1000002L)
			.set("text", JSON.createObjectNode().put("content", content));
	}

	private static JsonNode json(String json) {
		return JSON.readTree(json);
	}

}

package dev.wxwork.sample.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wxwork.sample.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in simulator as any client sees it: the test kit's stand-ins served under {@code /simulator} by
 * the sample app as it is configured (application.yml: corp id, the app {@code demo}'s secret and AgentId,
 * the members zhangsan, lisi and wangwu, the robot {@code ops}'s key), over HTTP. The context may be shared
 * with other tests of the sample, so counts are compared before and after.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wxwork.api-base-url=http://127.0.0.1:1/simulator")
class SimulatorEndpointsTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String CORP_ID = "wx5823bf96d3bd56c7";

	private static final String OPS_KEY = "5f1b7e0c-0000-4000-8000-00000000a1e7";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void issuesTokensForTheConfiguredCorpAndSecretOnlyAndCountsEveryCall() throws Exception {
		JsonNode before = json(get("/simulator/stats"));
		JsonNode issued = json(get("/simulator/cgi-bin/gettoken?corpid=" + CORP_ID + "&corpsecret=demo-secret"));
		assertThat(issued.path("errcode").asInt()).isZero();
		assertThat(issued.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(issued.path("access_token").asString()).hasSizeGreaterThan(32).isNotEqualTo(token());
		assertThat(json(get("/simulator/cgi-bin/gettoken?corpid=ww-other&corpsecret=demo-secret")).path("errcode").asInt())
			.isEqualTo(40013);
		JsonNode wrongSecret = json(get("/simulator/cgi-bin/gettoken?corpid=" + CORP_ID + "&corpsecret=wrong"));
		assertThat(wrongSecret.path("errcode").asInt()).isEqualTo(40001);
		assertThat(wrongSecret.path("errmsg").asString()).endsWith("more info at https://open.work.weixin.qq.com/devtool/query?e=40001");
		JsonNode after = json(get("/simulator/stats"));
		assertThat(after.path("gettokenCalls").asLong() - before.path("gettokenCalls").asLong()).isEqualTo(4);
		assertThat(after.path("tokensIssued").asLong() - before.path("tokensIssued").asLong()).isEqualTo(2);
		assertThat(get("/simulator/stats").body()).doesNotContain(issued.path("access_token").asString());
	}

	@Test
	void sendsToKnownMembersListsUnknownOnesAndRecordsWhatItReceived() throws Exception {
		String token = token();
		long acceptedBefore = json(get("/simulator/stats")).path("messagesAccepted").asLong();
		JsonNode answer = send(token, text("zhangsan|nobody|lisi", "hi from the endpoints test"));
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(answer.path("invaliduser").asString()).isEqualTo("nobody");
		String msgid = answer.path("msgid").asString();
		assertThat(msgid).isNotBlank().isNotEqualTo(send(token, text("wangwu", "second")).path("msgid").asString());
		assertThat(json(get("/simulator/messages"))).anySatisfy((sent) -> {
			assertThat(sent.path("msgid").asString()).isEqualTo(msgid);
			assertThat(sent.path("message").path("touser").asString()).isEqualTo("zhangsan|nobody|lisi");
		});
		assertThat(send(token, text("@all", "to everyone")).path("invaliduser").asString()).isEmpty();
		assertThat(json(get("/simulator/stats")).path("messagesAccepted").asLong() - acceptedBefore).isEqualTo(3);
	}

	@Test
	void refusesWhatWeComRefuses() throws Exception {
		String token = token();
		JsonNode nobody = send(token, text("nobody|ghost", "hi"));
		assertThat(nobody.path("errcode").asInt()).isEqualTo(81013);
		assertThat(nobody.path("errmsg").asString()).startsWith("user & party & tag all invalid")
			.endsWith("devtool/query?e=81013");
		assertThat(send(token, text("zhangsan", "")).path("errcode").asInt()).isEqualTo(44004);
		assertThat(send(token, "{\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}").path("errcode")
			.asInt()).isEqualTo(82001);
		assertThat(send(token, "{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000003,\"text\":{\"content\":\"hi\"}}")
			.path("errcode")
			.asInt()).isEqualTo(40056);
		assertThat(send(token, "{\"touser\":\"zhangsan\",\"totag\":\"3\",\"msgtype\":\"text\",\"agentid\":1000002,"
				+ "\"text\":{\"content\":\"hi\"}}").path("invalidtag").asString()).isEqualTo("3");
		assertThat(send("forged", text("zhangsan", "hi")).path("errcode").asInt()).isEqualTo(40014);
		assertThat(json(post("/simulator/cgi-bin/message/send", text("zhangsan", "hi"))).path("errcode").asInt())
			.isEqualTo(41001);
		assertThat(json(get("/simulator/messages"))).noneSatisfy(
				(sent) -> assertThat(sent.path("message").path("touser").asString()).isEqualTo("nobody|ghost"));
	}

	@Test
	void countsDeliveriesPerMemberAndContentAndKnowsMembersPushedAsCreated() throws Exception {
		String token = token();
		String content = "welcome, Newbie " + System.nanoTime();
		assertThat(send(token, text("newbie", content)).path("errcode").asInt()).isEqualTo(81013);
		HttpResponse<String> pushed = post("/simulator/push", "{\"msgType\":\"event\",\"event\":\"change_contact\","
				+ "\"changeType\":\"create_user\",\"userId\":\"newbie\",\"name\":\"Newbie\"}");
		assertThat(pushed.statusCode()).isEqualTo(200);
		send(token, text("newbie", content));
		send(token, text("newbie|zhangsan|nobody", content));
		JsonNode deliveries = json(get("/simulator/deliveries"));
		assertThat(deliveries).filteredOn((delivery) -> content.equals(delivery.path("content").asString()))
			.extracting((delivery) -> delivery.path("toUser").asString() + "=" + delivery.path("count").asLong())
			.containsExactlyInAnyOrder("newbie=2", "zhangsan=1");
	}

	@Test
	void playsTheGroupRobotsForTheConfiguredKeyOnly() throws Exception {
		String markdown = "**endpoints** " + System.nanoTime();
		assertThat(json(robot(OPS_KEY, markdown(markdown))).path("errcode").asInt()).isZero();
		assertThat(json(get("/simulator/webhook/messages"))).anySatisfy((posted) -> {
			assertThat(posted.path("msgtype").asString()).isEqualTo("markdown");
			assertThat(posted.path("message").path("markdown").path("content").asString()).isEqualTo(markdown);
		});
		assertThat(json(robot("ffffffff-0000-4000-8000-000000000000", markdown("hi"))).path("errcode").asInt())
			.isEqualTo(93000);
		assertThat(json(robot(OPS_KEY, markdown("x".repeat(4097)))).path("errcode").asInt()).isEqualTo(40058);
		assertThat(json(robot(OPS_KEY, markdown(""))).path("errcode").asInt()).isEqualTo(44004);
		assertThat(json(robot(OPS_KEY, "{\"msgtype\":\"markdown\"}")).path("errcode").asInt()).isEqualTo(40008);
		// 20 in any minute per robot: the one above and 19 more are accepted, the next is refused
		for (int i = 0; i < 19; i++) {
			assertThat(json(robot(OPS_KEY, markdown("m" + i))).path("errcode").asInt()).as("message %d", i).isZero();
		}
		JsonNode refused = json(robot(OPS_KEY, markdown("one too many")));
		assertThat(refused.path("errcode").asInt()).isEqualTo(45009);
		assertThat(refused.path("errmsg").asString()).startsWith("api freq out of limit");
	}

	@Test
	void answersAnUnknownApiPathWithA404NamingIt() throws Exception {
		HttpResponse<String> response = get("/simulator/cgi-bin/nowhere?access_token=" + token());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("/cgi-bin/nowhere");
	}

	private String token() throws Exception {
		return json(get("/simulator/cgi-bin/gettoken?corpid=" + CORP_ID + "&corpsecret=demo-secret")).path("access_token")
			.asString();
	}

	private JsonNode send(String token, String message) throws Exception {
		return json(post("/simulator/cgi-bin/message/send?access_token=" + token, message));
	}

	private HttpResponse<String> robot(String key, String message) throws Exception {
		return post("/simulator/cgi-bin/webhook/send?key=" + key, message);
	}

	private static String text(String toUser, String content) {
		return JSON.createObjectNode()
			.put("touser", toUser)
			.put("msgtype", "text")
			.put("agentid", 1000002L)
			.set("text", JSON.createObjectNode().put("content", content))
			.toString();
	}

	private static String markdown(String content) {
		return JSON.createObjectNode()
			.put("msgtype", "markdown")
			.set("markdown", JSON.createObjectNode().put("content", content))
			.toString();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}

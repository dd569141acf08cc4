package dev.wxwork.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The stand-in over real HTTP, as any client sees it. */
class WeComStandInTest {

	private final WeComStandIn wecom = WeComStandIn.start("ww1").app("s3cr3t", 1000002).secret("contacts");

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void sendsATextMessageAndRecordsItTyped() {
		String token = token("s3cr3t");
		JsonNode answer = post("/cgi-bin/message/send", token,
				"{\"touser\":\"zhangsan|lisi\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}");
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(answer.path("msgid").asString()).isNotEmpty();
		assertThat(this.wecom.sentMessagesTo("lisi")).singleElement().satisfies((message) -> {
			assertThat(message.content()).isEqualTo("hi");
			assertThat(message.agentId()).isEqualTo(1000002L);
			assertThat(message.msgType()).isEqualTo("text");
		});
		assertThat(this.wecom.sentMessagesOfType("markdown")).isEmpty();
	}

	@Test
	void enforcesTheTokensAgentReceiversAndContentLength() {
		String token = token("s3cr3t");
		assertThat(post("/cgi-bin/message/send", token,
				"{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000003,\"text\":{\"content\":\"hi\"}}")
			.path("errcode")
			.asInt()).isEqualTo(40056);
		assertThat(post("/cgi-bin/message/send", token,
				"{\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}").path("errcode").asInt())
			.isEqualTo(82001);
		assertThat(post("/cgi-bin/message/send", token, "{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000002,"
				+ "\"text\":{\"content\":\"" + "x".repeat(2049) + "\"}}").path("errcode").asInt()).isEqualTo(45002);
		this.wecom.member("zhangsan", "张三");
		JsonNode partly = post("/cgi-bin/message/send", token,
				"{\"touser\":\"zhangsan|nobody\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}");
		assertThat(partly.path("invaliduser").asString()).isEqualTo("nobody");
		assertThat(post("/cgi-bin/message/send", token,
				"{\"touser\":\"nobody\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}")
			.path("errcode")
			.asInt()).isEqualTo(81013);
		assertThat(this.wecom.sentMessages()).hasSize(1);
	}

	@Test
	void dropsTheThirtyFirstMessageToOneMemberWithinAMinute() {
		String token = token("s3cr3t");
		IntStream.range(0, 31)
			.forEach((i) -> assertThat(post("/cgi-bin/message/send", token, "{\"touser\":\"wangwu\",\"msgtype\":\"text\","
					+ "\"agentid\":1000002,\"text\":{\"content\":\"n" + i + "\"}}").path("errcode").asInt()).isZero());
		assertThat(this.wecom.sentMessagesTo("wangwu")).hasSize(30);
		assertThat(this.wecom.droppedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.content()).isEqualTo("n30"));
	}

	@Test
	void injectsErrcodesOnceNTimesOrAlwaysAndExpiresTokens() {
		String token = token("contacts");
		this.wecom.member("zhangsan", "张三", 1);
		this.wecom.failNext("/cgi-bin/user/get", -1).failTimes("/cgi-bin/user/get", 45009, 2);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(-1);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(45009);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(45009);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("name").asString()).isEqualTo("张三");
		this.wecom.failAlways("/cgi-bin/user/get", 60020);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(60020);
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(60020);
		this.wecom.clearFaults();
		this.wecom.expireTokens("contacts");
		assertThat(get("/cgi-bin/user/get", token, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(42001);
		String fresh = token("contacts");
		this.wecom.revokeTokens("contacts");
		assertThat(get("/cgi-bin/user/get", fresh, "&userid=zhangsan").path("errcode").asInt()).isEqualTo(40014);
	}

	@Test
	void answersContactsAndCustomerReadsFromArrangedData() {
		String token = token("contacts");
		this.wecom.department(1, "公司", 0).department(2, "研发部", 1).member("zhangsan", "张三", 2)
			.customer("wmABC", "李客户", "zhangsan");
		assertThat(get("/cgi-bin/department/list", token, "&id=1").path("department")).hasSize(2);
		assertThat(get("/cgi-bin/user/simplelist", token, "&department_id=2").path("userlist").get(0).path("userid")
			.asString()).isEqualTo("zhangsan");
		assertThat(get("/cgi-bin/externalcontact/list", token, "&userid=zhangsan").path("external_userid").get(0)
			.asString()).isEqualTo("wmABC");
		JsonNode customer = get("/cgi-bin/externalcontact/get", token, "&external_userid=wmABC");
		assertThat(customer.path("external_contact").path("name").asString()).isEqualTo("李客户");
		assertThat(customer.path("follow_user").get(0).path("userid").asString()).isEqualTo("zhangsan");
	}

	@Test
	void anUnknownPathIsA404NamingThePath() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.wecom.baseUrl() + "/cgi-bin/nowhere?access_token=" + token("s3cr3t")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("/cgi-bin/nowhere");
	}

	@Test
	void addsLatency() {
		String token = token("contacts");
		this.wecom.member("zhangsan", "张三");
		this.wecom.latency("/cgi-bin/user/get", Duration.ofMillis(300));
		long start = System.nanoTime();
		get("/cgi-bin/user/get", token, "&userid=zhangsan");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void refusesAnotherAppsAgentIdWith301002AndAnUnknownOneWith40056() {
		this.wecom.app("other-secret", 1000005);
		String token = token("s3cr3t");
		assertThat(post("/cgi-bin/message/send", token,
				"{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":1000005,\"text\":{\"content\":\"hi\"}}")
			.path("errcode")
			.asInt()).isEqualTo(301002);
		assertThat(post("/cgi-bin/message/send", token,
				"{\"touser\":\"zhangsan\",\"msgtype\":\"text\",\"agentid\":42,\"text\":{\"content\":\"hi\"}}")
			.path("errcode")
			.asInt()).isEqualTo(40056);
		assertThat(post("/cgi-bin/message/send", token, "not json").path("errcode").asInt()).isEqualTo(47001);
		assertThat(post("/cgi-bin/media/upload", token + "&type=image", "not multipart").path("errcode").asInt())
			.isEqualTo(41005);
		assertThat(this.wecom.sentMessages()).isEmpty();
		assertThat(this.wecom.messagesAccepted()).isZero();
	}

	@Test
	void writesErrmsgAsWeComDoesWithItsTextAHintAndTheErrcodesPage() {
		JsonNode refused = send(HttpRequest
			.newBuilder(URI.create(this.wecom.baseUrl() + "/cgi-bin/gettoken?corpid=ww1&corpsecret=wrong")));
		assertThat(refused.path("errcode").asInt()).isEqualTo(40001);
		assertThat(refused.path("errmsg").asString()).matches("invalid credential, hint: \\[\\d+_\\d+_[0-9a-f]{32}\\], "
				+ "from ip: 127\\.0\\.0\\.1, more info at https://open\\.work\\.weixin\\.qq\\.com/devtool/query\\?e=40001");
		String token = token("contacts");
		this.wecom.failNext("/cgi-bin/user/get", 60020);
		assertThat(get("/cgi-bin/user/get", token, "&userid=x").path("errmsg").asString())
			.startsWith("not allow to access from your ip, hint: [")
			.endsWith("devtool/query?e=60020");
		JsonNode notCustomer = get("/cgi-bin/externalcontact/list", token, "&userid=nobody");
		assertThat(notCustomer.path("errcode").asInt()).isEqualTo(84061);
		assertThat(notCustomer.path("errmsg").asString()).startsWith("not external contact, hint: [");
		assertThat(notCustomer.path("external_userid").isArray()).isTrue();
		assertThat(notCustomer.path("external_userid").size()).isZero();
		assertThat(get("/cgi-bin/externalcontact/get", token, "&external_userid=wmNone").path("follow_user").isArray())
			.isTrue();
	}

	@Test
	void aClosedDirectoryRefusesReceiversThatWereNotArrangedAndListsThemAsInvalid() {
		this.wecom.closedDirectory().member("zhangsan", "张三").department(1, "公司", 0).tag(7, "oncall");
		String token = token("s3cr3t");
		JsonNode answer = post("/cgi-bin/message/send", token, "{\"touser\":\"zhangsan|nobody\",\"toparty\":\"1|9\","
				+ "\"totag\":\"7|8\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}");
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(answer.path("invaliduser").asString()).isEqualTo("nobody");
		assertThat(answer.path("invalidparty").asString()).isEqualTo("9");
		assertThat(answer.path("invalidtag").asString()).isEqualTo("8");
		assertThat(this.wecom.sentMessages()).singleElement().satisfies((message) -> {
			assertThat(message.toUsers()).containsExactly("zhangsan");
			assertThat(message.toParties()).containsExactly("1");
			assertThat(message.toTags()).containsExactly("7");
		});
		assertThat(post("/cgi-bin/message/send", token, "{\"touser\":\"nobody\",\"toparty\":\"9\",\"totag\":\"8\","
				+ "\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}").path("errcode").asInt())
			.isEqualTo(81013);
		// unknown receivers never count against a member's rate
		assertThat(this.wecom.messagesAccepted()).isEqualTo(1);
	}

	@Test
	void countsTokensAndAcceptedMessagesTellsListenersAndKeepsOnlyItsNewestHistoryWhenLimited() {
		java.util.List<SentMessage> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.wecom.historyLimit(3).onMessage(heard::add);
		String token = token("s3cr3t");
		send(HttpRequest.newBuilder(URI.create(this.wecom.baseUrl() + "/cgi-bin/gettoken?corpid=ww1&corpsecret=wrong")));
		for (int i = 0; i < 5; i++) {
			post("/cgi-bin/message/send", token, "{\"touser\":\"u" + i + "\",\"msgtype\":\"text\",\"agentid\":1000002,"
					+ "\"text\":{\"content\":\"m" + i + "\"}}");
		}
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
		assertThat(this.wecom.tokensIssued()).isEqualTo(1);
		assertThat(this.wecom.messagesAccepted()).isEqualTo(5);
		assertThat(heard).extracting(SentMessage::content).containsExactly("m0", "m1", "m2", "m3", "m4");
		assertThat(this.wecom.sentMessages()).extracting(SentMessage::content).containsExactly("m2", "m3", "m4");
		assertThat(this.wecom.requests()).hasSize(3);
	}

	@Test
	void anEmbeddedStandInAnswersThroughHandleWithoutAServerOfItsOwn() {
		try (WeComStandIn embedded = WeComStandIn.embedded("ww2").app("app-secret", 1000002)) {
			assertThatIllegalStateException().isThrownBy(embedded::baseUrl);
			WeComStandIn.Answer issued = embedded.handle(new WeComStandIn.RecordedRequest("GET", "/cgi-bin/gettoken",
					WeComStandIn.query("corpid=ww2&corpsecret=app-secret"), null, new byte[0]));
			String token = JsonMapper.shared().readTree(issued.bodyText()).path("access_token").asString();
			assertThat(token).isNotEmpty();
			embedded.responseHeader("/cgi-bin/message/send", "X-Trace", "t1");
			WeComStandIn.Answer sent = embedded.handle(new WeComStandIn.RecordedRequest("POST", "/cgi-bin/message/send",
					WeComStandIn.query("access_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)),
					"application/json", "{\"touser\":\"lisi\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"hi\"}}"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(sent.status()).isEqualTo(200);
			assertThat(sent.headers()).containsEntry("X-Trace", "t1");
			assertThat(JsonMapper.shared().readTree(sent.bodyText()).path("errcode").asInt()).isZero();
			assertThat(embedded.sentMessagesTo("lisi")).hasSize(1);
			assertThat(embedded.handle(new WeComStandIn.RecordedRequest("GET", "/cgi-bin/nowhere",
					WeComStandIn.query("access_token=" + token), null, new byte[0])).status()).isEqualTo(404);
		}
	}

	@Test
	void anEmbeddedRobotStandInAnswersThroughHandle() {
		try (WebhookStandIn robots = WebhookStandIn.embedded(java.time.Clock.systemUTC(), "k-1").historyLimit(2)) {
			assertThatIllegalStateException().isThrownBy(robots::baseUrl);
			for (int i = 0; i < 3; i++) {
				WeComStandIn.Answer answer = robots.handle(new WeComStandIn.RecordedRequest("POST", "/cgi-bin/webhook/send",
						WeComStandIn.query("key=k-1"), "application/json",
						("{\"msgtype\":\"text\",\"text\":{\"content\":\"t" + i + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				assertThat(JsonMapper.shared().readTree(answer.bodyText()).path("errcode").asInt()).isZero();
			}
			assertThat(robots.posted()).extracting((message) -> message.path("text").path("content").asString())
				.containsExactly("t1", "t2");
			WeComStandIn.Answer unknown = robots.handle(new WeComStandIn.RecordedRequest("POST", "/cgi-bin/webhook/send",
					WeComStandIn.query("key=k-2"), "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(JsonMapper.shared().readTree(unknown.bodyText()).path("errmsg").asString())
				.startsWith("invalid webhook url, hint: [")
				.endsWith("more info at https://open.work.weixin.qq.com/devtool/query?e=93000");
		}
	}

	private String token(String secret) {
		JsonNode answer = send(HttpRequest
			.newBuilder(URI.create(this.wecom.baseUrl() + "/cgi-bin/gettoken?corpid=ww1&corpsecret=" + secret)));
		return answer.path("access_token").asString();
	}

	private JsonNode get(String path, String token, String query) {
		return send(HttpRequest.newBuilder(URI.create(this.wecom.baseUrl() + path + "?access_token=" + token + query)));
	}

	private JsonNode post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.wecom.baseUrl() + path + "?access_token=" + token))
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private JsonNode send(HttpRequest.Builder request) {
		try {
			return JsonMapper.shared().readTree(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

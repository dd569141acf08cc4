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

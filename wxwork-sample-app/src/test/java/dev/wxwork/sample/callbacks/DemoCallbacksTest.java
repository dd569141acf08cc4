package dev.wxwork.sample.callbacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.sample.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own {@link DemoCallbacks}, in the sample application as it is configured (application.yml:
 * the official vector's corp id, Token and EncodingAESKey, the default 5-minute tolerance), driven over
 * HTTP with callbacks sealed as WeCom seals them.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wxwork.api-base-url=http://127.0.0.1:1/simulator")
class DemoCallbacksTest {

	private static final String CORP_ID = "wx5823bf96d3bd56c7";

	private static final CallbackCrypto WECOM = new CallbackCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
			CORP_ID);

	private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	CallbackLog log;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void echoesATextMessageAndRecordsIt() throws Exception {
		long msgId = MSG_IDS.incrementAndGet();
		HttpResponse<String> response = post("<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName>"
				+ "<FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好 <&>]]></Content><MsgId>" + msgId
				+ "</MsgId><AgentID>1000002</AgentID></xml>");
		assertThat(response.statusCode()).isEqualTo(200);
		CallbackMessage reply = CallbackMessage.parse(WECOM.openReply(response.body()));
		assertThat(reply.get("Content")).isEqualTo("echo: 你好 <&>");
		assertThat(reply.get("ToUserName")).isEqualTo("zhangsan");
		assertThat(this.log.recent()).anySatisfy((handled) -> {
			assertThat(handled.msgType()).isEqualTo("text");
			assertThat(handled.msgId()).isEqualTo(String.valueOf(msgId));
		});
	}

	@Test
	void recordsMemberChangesAndEveryOtherCallback() throws Exception {
		assertThat(post(event("change_contact", "<ChangeType>update_user</ChangeType><UserID>lisi</UserID>"
				+ "<NewUserID>lisi2</NewUserID>")).statusCode()).isEqualTo(200);
		assertThat(post(event("change_contact", "<ChangeType>delete_user</ChangeType><UserID>wangwu</UserID>"))
			.statusCode()).isEqualTo(200);
		assertThat(post(event("enter_agent", "<EventKey></EventKey>")).statusCode()).isEqualTo(200);
		assertThat(this.log.recent()).extracting(HandledCallback::event, HandledCallback::changeType, HandledCallback::userId)
			.contains(org.assertj.core.groups.Tuple.tuple("change_contact", "update_user", "lisi"),
					org.assertj.core.groups.Tuple.tuple("change_contact", "delete_user", "wangwu"),
					org.assertj.core.groups.Tuple.tuple("enter_agent", null, null));
	}

	@Test
	void refusesAForgedCallbackAndRecordsNothing() throws Exception {
		int before = this.log.recent().size();
		SealedMessage sealed = new CallbackCrypto("QDG6eK", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq", CORP_ID)
			.seal(event("enter_agent", ""));
		assertThat(post(sealed).statusCode()).isEqualTo(400);
		assertThat(this.log.recent()).hasSize(before);
	}

	private static String event(String event, String elements) {
		return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
				+ "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + event + "]]></Event>" + elements + "<AgentID>1000002</AgentID></xml>";
	}

	private HttpResponse<String> post(String message) throws Exception {
		return post(WECOM.seal(message));
	}

	private HttpResponse<String> post(SealedMessage sealed) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/wxwork/demo/callback?" + sealed.callbackQuery()))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(sealed.callbackXml(CORP_ID, 1000002L)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}

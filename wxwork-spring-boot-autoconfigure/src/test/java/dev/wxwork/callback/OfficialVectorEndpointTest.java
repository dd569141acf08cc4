package dev.wxwork.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.crypto.OfficialVector;
import dev.wxwork.test.WeComCallbackSender;

import static org.assertj.core.api.Assertions.assertThat;

/** WeCom's published sample vector, end to end through a real Spring MVC server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = OfficialVectorEndpointTest.App.class,
		properties = { "wxwork.corp-id=" + OfficialVector.CORP_ID, "wxwork.token-store=memory", "wxwork.callback.deduplication=memory",
				"wxwork.agents.demo.agent-id=218", "wxwork.agents.demo.secret=unused",
				"wxwork.agents.demo.callback.token=" + OfficialVector.TOKEN,
				"wxwork.agents.demo.callback.encoding-aes-key=" + OfficialVector.ENCODING_AES_KEY,
				// the vector was sealed in 2014
				"wxwork.callback.timestamp-tolerance=36500d",
				"wxwork.callback.deduplication-window=73000d" })
class OfficialVectorEndpointTest {

	@LocalServerPort
	int port;

	@Autowired
	EchoCallbacks callbacks;

	private WeComCallbackSender sender() {
		return WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/demo/callback", OfficialVector.TOKEN,
				OfficialVector.ENCODING_AES_KEY, OfficialVector.CORP_ID);
	}

	@Test
	void answersTheUrlVerificationWithTheDecryptedEchoAlone() {
		WeComCallbackSender.CallbackResponse response = sender().get("msg_signature=" + OfficialVector.VERIFY_SIGNATURE
				+ "&timestamp=" + OfficialVector.VERIFY_TIMESTAMP + "&nonce=" + OfficialVector.VERIFY_NONCE + "&echostr="
				+ URLEncoder.encode(OfficialVector.ECHOSTR, StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1616140317555161061");
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
	}

	@Test
	void typesTheSampleMessageAndSealsAReplyThatOpens() {
		WeComCallbackSender.CallbackResponse response = sender().post("msg_signature=" + OfficialVector.MESSAGE_SIGNATURE
				+ "&timestamp=" + OfficialVector.MESSAGE_TIMESTAMP + "&nonce=" + OfficialVector.MESSAGE_NONCE,
				OfficialVector.messageBody());
		assertThat(response.status()).isEqualTo(200);
		assertThat(this.callbacks.received).singleElement().satisfies((message) -> {
			assertThat(message.fromUserName()).isEqualTo("mycreate");
			assertThat(message.content()).isEqualTo("hello");
			assertThat(message.msgId()).isEqualTo("4561255354251345929");
			assertThat(message.agentId()).isEqualTo(218L);
			assertThat(message.toUserName()).isEqualTo(OfficialVector.CORP_ID);
		});
		assertThat(response.body()).startsWith("<xml><Encrypt>").contains("<MsgSignature>");
		String reply = OfficialVector.crypto().openReply(response.body());
		assertThat(reply).contains("<ToUserName><![CDATA[mycreate]]></ToUserName>")
			.contains("<FromUserName><![CDATA[" + OfficialVector.CORP_ID + "]]></FromUserName>")
			.contains("<MsgType><![CDATA[text]]></MsgType>")
			.contains("<Content><![CDATA[echo: hello from app 218]]></Content>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "demo")
	static class EchoCallbacks {

		final List<TextMessage> received = new CopyOnWriteArrayList<>();

		@OnMessage
		Reply echo(TextMessage message, WxWorkAgent agent) {
			this.received.add(message);
			return Reply.text("echo: " + message.content() + " from app " + agent.agentId());
		}

	}

}

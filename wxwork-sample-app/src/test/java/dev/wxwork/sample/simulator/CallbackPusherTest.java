package dev.wxwork.sample.simulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.message.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallbackPusherTest {

	@Test
	void writesATextMessageAsWeComDoes() {
		String xml = CallbackPusher.xml(new PushRequest(null, "text", "zhangsan", "你好 <&> ]]> end", null, null, null,
				null, null, null, null, null, null), "ww-corp", 1000002L, "4561255354251345929", 1409659813L);
		assertThat(xml).isEqualTo("<xml><ToUserName><![CDATA[ww-corp]]></ToUserName>"
				+ "<FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1409659813</CreateTime>"
				+ "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好 <&> ]]]]><![CDATA[> end]]></Content>"
				+ "<MsgId>4561255354251345929</MsgId><AgentID>1000002</AgentID></xml>");
		CallbackMessage message = CallbackMessage.parse(xml);
		assertThat(message.typed()).get().isInstanceOfSatisfying(TextMessage.class, (text) -> {
			assertThat(text.content()).isEqualTo("你好 <&> ]]> end");
			assertThat(text.msgId()).isEqualTo("4561255354251345929");
			assertThat(text.agentId()).isEqualTo(1000002L);
		});
	}

	@Test
	void writesAMemberCreatedEventFromSysWithoutAnAgentId() {
		String xml = CallbackPusher.xml(new PushRequest(null, "event", null, null, "change_contact", "create_user",
				"lisi", "李四", null, null, null, Map.of("Mobile", "13800000000"), null), "ww-corp", 1000002L, null, 1700000000L);
		CallbackMessage message = CallbackMessage.parse(xml);
		assertThat(message.fromUserName()).isEqualTo("sys");
		assertThat(message.agentId()).isNull();
		assertThat(message.msgId()).isNull();
		assertThat(message.typed()).get().isInstanceOfSatisfying(CreateUserEvent.class, (event) -> {
			assertThat(event.userId()).isEqualTo("lisi");
			assertThat(event.name()).isEqualTo("李四");
			assertThat(event.mobile()).isEqualTo("13800000000");
			assertThat(event.createTime()).isEqualTo(1700000000L);
		});
	}

	@Test
	void refusesAnElementNameThatIsNoXmlName() {
		assertThatIllegalArgumentException().isThrownBy(() -> CallbackPusher.xml(new PushRequest(null, "text", "zhangsan",
				"hi", null, null, null, null, null, null, null, Map.of("a><b", "x"), null), "ww-corp", 1L, "1", 1L));
	}

	@Test
	void deliversToThisServerOrToTheTargetGiven() {
		assertThat(CallbackPusher.callbackUri("http://127.0.0.1:8081", "demo", "msg_signature=s&timestamp=1&nonce=n"))
			.hasToString("http://127.0.0.1:8081/wxwork/demo/callback?msg_signature=s&timestamp=1&nonce=n");
		assertThat(CallbackPusher.callbackUri("https://localhost:8443/base/", "demo", "a=b"))
			.hasToString("https://localhost:8443/base/wxwork/demo/callback?a=b");
	}

	@Test
	void refusesATargetThatIsNoPlainHttpBaseUrl() {
		for (String target : new String[] { "file:///etc/passwd", "127.0.0.1:8081", "http://user:pw@127.0.0.1:8081",
				"http://127.0.0.1:8081/?x=1", "http://127.0.0.1:8081/#f", "http://[bad", "http://10.0.0.8:8081",
				"https://example.com", "http://169.254.169.254" }) {
			assertThatIllegalArgumentException().as(target)
				.isThrownBy(() -> CallbackPusher.callbackUri(target, "demo", "a=b"));
		}
	}

}

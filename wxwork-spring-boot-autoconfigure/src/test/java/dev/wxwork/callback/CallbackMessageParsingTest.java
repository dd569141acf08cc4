package dev.wxwork.callback;

import org.junit.jupiter.api.Test;

import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.message.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackMessageParsingTest {

	@Test
	void readsATextMessage() {
		CallbackMessage message = CallbackMessage.parse("""
				<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[mycreate]]></FromUserName>
				<CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content>
				<MsgId>4561255354251345929</MsgId><AgentID>218</AgentID></xml>""");
		assertThat(message.typed()).get().isInstanceOfSatisfying(TextMessage.class, (text) -> {
			assertThat(text.content()).isEqualTo("hello");
			assertThat(text.agentId()).isEqualTo(218L);
			assertThat(text.msgId()).isEqualTo("4561255354251345929");
			assertThat(text.createTime()).isEqualTo(1409659813L);
		});
	}

	@Test
	void readsAMemberCreatedEvent() {
		CallbackMessage message = CallbackMessage.parse("""
				<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
				<CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>
				<ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Name><![CDATA[张三]]></Name>
				<Department><![CDATA[1,2,3]]></Department><MainDepartment>1</MainDepartment><IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept>
				<Gender>1</Gender><Status>1</Status><AgentID></AgentID>
				<ExtAttr><Item><Name><![CDATA[爱好]]></Name><Type>0</Type><Text><Value><![CDATA[旅游]]></Value></Text></Item>
				<Item><Name><![CDATA[卡号]]></Name><Type>1</Type><Web><Title><![CDATA[企业微信]]></Title><Url><![CDATA[https://work.weixin.qq.com]]></Url></Web></Item></ExtAttr>
				</xml>""");
		assertThat(message.typed()).get().isInstanceOfSatisfying(CreateUserEvent.class, (event) -> {
			assertThat(event.userId()).isEqualTo("zhangsan");
			assertThat(event.department()).containsExactly(1L, 2L, 3L);
			assertThat(event.isLeaderInDept()).containsExactly(1, 0, 0);
			assertThat(event.agentId()).isNull();
			assertThat(event.extAttr()).hasSize(2);
			assertThat(event.extAttr().get(0).text().value()).isEqualTo("旅游");
			assertThat(event.extAttr().get(1).web().url()).isEqualTo("https://work.weixin.qq.com");
		});
	}

}

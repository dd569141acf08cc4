package dev.wxwork.callback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of docs/callbacks.md, {@link DemoCallbacks} (the very class the guide shows, see
 * DocumentationSnippetsTest), started and driven as WeCom would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = CallbacksGuideExampleTest.App.class,
		properties = { "wxwork.corp-id=wwguide", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory", "wxwork.agents.demo.agent-id=1000002",
				"wxwork.agents.demo.secret=unused", "wxwork.agents.demo.callback.token=guidetoken",
				"wxwork.agents.demo.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" })
@ExtendWith(OutputCaptureExtension.class)
class CallbacksGuideExampleTest {

	@LocalServerPort
	int port;

	@Test
	void theGuidesExampleRoutesEachCallbackToItsHandler(CapturedOutput output) {
		WeComCallbackSender sender = WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/demo/callback",
				"guidetoken", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "wwguide");
		WeComCrypto wecom = sender.crypto();
		assertThat(replyContent(wecom, sender.send(sender.text("zhangsan", "hi")))).isEqualTo("echo: hi");
		assertThat(replyContent(wecom, sender.send(sender.event("zhangsan", "click", "<EventKey>menu_1</EventKey>"))))
			.isEqualTo("you clicked menu_1");
		assertThat(replyContent(wecom, sender.send(sender.event("zhangsan", "click", "<EventKey>order_today</EventKey>"))))
			.isEqualTo("orders: today");
		sender.send(sender.event("sys", "change_contact",
				"<ChangeType>create_user</ChangeType><UserID>lisi</UserID><Department>1,2</Department>"));
		sender.send(sender.event("sys", "change_contact", "<ChangeType>update_user</ChangeType><UserID>lisi</UserID>"));
		sender.send(sender.event("sys", "change_contact", "<ChangeType>delete_user</ChangeType><UserID>lisi</UserID>"));
		sender.send(sender.event("sys", "change_contact", "<ChangeType>create_party</ChangeType><Id>7</Id>"));
		sender.send(sender.event("zhangsan", "enter_agent", ""));
		assertThat(output).contains("new member lisi in [1, 2]", "member lisi updated", "member lisi left",
				"contacts changed: create_party", "Event enter_agent {");
	}

	private static String replyContent(WeComCrypto wecom, WeComCallbackSender.CallbackResponse response) {
		return CallbackMessage.parse(wecom.openReply(response.body())).get("Content");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(DemoCallbacks.class)
	static class App {

	}

}

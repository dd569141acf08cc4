package dev.wxwork.callback;

import java.time.Duration;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's callback example, {@link SalesCallbacks} (the very class the README shows, see
 * DocumentationSnippetsTest), started and driven as WeCom would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = ReadmeCallbackExampleTest.App.class,
		properties = { "wxwork.corp-id=wwreadme", "wxwork.token-store=memory", "wxwork.callback.deduplication=memory", "wxwork.agents.sales.agent-id=1000002",
				"wxwork.agents.sales.secret=unused", "wxwork.agents.sales.callback.token=readmetoken",
				"wxwork.agents.sales.callback.encoding-aes-key=0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" })
@ExtendWith(OutputCaptureExtension.class)
class ReadmeCallbackExampleTest {

	@LocalServerPort
	int port;

	@Test
	void theReadmeExampleEchoesAndDispatchesEveryKindOfCallback(CapturedOutput output) {
		WeComCallbackSender sender = WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/sales/callback",
				"readmetoken", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "wwreadme");
		assertThat(sender.send(sender.text("zhangsan", "hello")).reply().content()).isEqualTo("echo: hello");
		sender.send(sender.event("sys", "change_contact",
				"<ChangeType>create_user</ChangeType><UserID>lisi</UserID><Department>1,2</Department>"));
		sender.send(sender.event("zhangsan", "view", "<EventKey>https://example.com</EventKey>"));
		WeComCallbackSender.CallbackResponse approval = sender.send(sender.event("sys", "sys_approval_change",
				"<ApprovalInfo><SpNo>202011190011</SpNo><SpStatus>2</SpStatus></ApprovalInfo>"));
		assertThat(approval.status()).isEqualTo(200);
		assertThat(output).contains("new member lisi in departments [1, 2] of app sales",
				"Event view from zhangsan: https://example.com");
		// the async handler runs after the acknowledgement
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output).contains("approval 202011190011 is now in status 2"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SalesCallbacks.class)
	static class App {

	}

}

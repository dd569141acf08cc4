package dev.wxwork.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import dev.wxwork.test.AutoConfigureWeComStandIn;
import dev.wxwork.test.WebhookStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @AutoConfigureWeComStandIn} plays the group robots too: the library's robots, configured by key
 * alone or by a whole address copied from a group, post to the kit's {@link WebhookStandIn}.
 */
@SpringBootTest(properties = { "wxwork.corp-id=wwrobots", "wxwork.token-store=memory",
		"wxwork.webhooks.ops.key=5f1b7e0c-0000-4000-8000-00000000a1e7",
		"wxwork.webhooks.alerts.url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0000aaaa-1111-4222-8333-444455556666" })
@AutoConfigureWeComStandIn
class AutoConfiguredRobotStandInTest {

	@Autowired
	WebhookStandIn robots;

	@Autowired
	@Qualifier("ops")
	WxWorkWebhook ops;

	@Autowired
	@Qualifier("alerts")
	WxWorkWebhook alerts;

	@Test
	void robotsConfiguredByKeyOrByAddressPostToTheStandIn() {
		this.ops.sendMarkdown("**deployed** " + getClass().getSimpleName());
		this.alerts.sendText("disk full");
		assertThat(this.robots.requests("/cgi-bin/webhook/send"))
			.extracting((request) -> request.param("key"))
			.containsExactly("5f1b7e0c-0000-4000-8000-00000000a1e7", "0000aaaa-1111-4222-8333-444455556666");
		assertThat(this.robots.posted()).extracting((message) -> message.path("msgtype").asString())
			.containsExactly("markdown", "text");
		this.robots.removeRobot("0000aaaa-1111-4222-8333-444455556666");
		assertThatExceptionOfType(WxWorkWebhookException.class).isThrownBy(() -> this.alerts.sendText("gone"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(93000));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}

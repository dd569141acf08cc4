package dev.wxwork.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.webhook.WxWorkWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** A mistyped {@code @Qualifier} fails startup with Spring Boot's report, which lists the configured apps. */
@ExtendWith(OutputCaptureExtension.class)
class UnknownQualifierFailureAnalysisTest {

	@Test
	void theReportNamesTheQualifierAndListsTheConfiguredApps(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MistypedQualifier.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--wxwork.corp-id=corp1", "--wxwork.token-store=memory",
				"--wxwork.agents.sales.secret=s1", "--wxwork.agents.contacts.secret=s2", "--spring.main.banner-mode=off"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"No WeCom app matches @Qualifier(\"salse\") at field 'sales'",
				"Configured under wxwork.agents: sales, contacts.", "add wxwork.agents.salse");
	}

	@Test
	void aMistypedRobotIsExplainedTheSameWay(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MistypedRobot.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(
				"--wxwork.webhooks.ops.url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0b1c2d3e-aaaa-bbbb-cccc-123456789abc",
				"--wxwork.webhooks.alerts.key=693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa", "--spring.main.banner-mode=off"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"No group robot matches @Qualifier(\"opz\") at field 'ops'", "Configured under wxwork.webhooks: ops, alerts.")
			.doesNotContain("0b1c2d3e-aaaa-bbbb-cccc-123456789abc", "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa");
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(WxWorkWebhookAutoConfiguration.class)
	static class MistypedRobot {

		@Autowired
		@Qualifier("opz")
		WxWorkWebhook ops;

	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(WxWorkAutoConfiguration.class)
	static class MistypedQualifier {

		@Autowired
		@Qualifier("salse")
		WxWorkAgent sales;

	}

}

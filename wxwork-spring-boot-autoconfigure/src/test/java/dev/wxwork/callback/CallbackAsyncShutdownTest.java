package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.wxwork.autoconfigure.WxWorkAutoConfiguration;
import dev.wxwork.autoconfigure.WxWorkCallbackAutoConfiguration;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Async handlers under a full executor and at shutdown: WeCom retries what was not taken, and what is lost is named. */
@ExtendWith(OutputCaptureExtension.class)
class CallbackAsyncShutdownTest {

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final CountDownLatch release = new CountDownLatch(1);

	static final CountDownLatch started = new CountDownLatch(1);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WxWorkAutoConfiguration.class,
				WxWorkCallbackAutoConfiguration.class))
		.withPropertyValues("wxwork.corp-id=wwcorp", "wxwork.token-store=memory", "wxwork.agents.demo.secret=s",
				"wxwork.agents.demo.agent-id=1000002", "wxwork.agents.demo.callback.token=t",
				"wxwork.agents.demo.callback.encoding-aes-key=" + KEY, "wxwork.callback.async-threads=1",
				"wxwork.callback.async-queue-capacity=1", "wxwork.callback.async-shutdown-timeout=200ms")
		.withUserConfiguration(SlowClicks.class);

	@Test
	void aFullExecutorAnswers503AndShutdownNamesTheCallbacksItAbandons(CapturedOutput output) throws Exception {
		CallbackCrypto wecom = new CallbackCrypto("t", KEY, "wwcorp");
		try {
			this.runner.run((context) -> {
				CallbackEndpoint endpoint = context.getBean(CallbackEndpointRegistrar.class).endpoints().get("demo");
				assertThat(receive(endpoint, wecom, "running").status()).isEqualTo(200);
				assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
				assertThat(receive(endpoint, wecom, "queued").status()).isEqualTo(200);
				assertThat(receive(endpoint, wecom, "refused").status()).isEqualTo(503);
				context.close();
			});
			assertThat(output).contains("abandoning 1 queued callbacks").contains("EventKey=queued");
		}
		finally {
			release.countDown();
		}
	}

	private static CallbackResponse receive(CallbackEndpoint endpoint, CallbackCrypto wecom, String eventKey) {
		SealedMessage click = wecom.seal("<xml><ToUserName>wwcorp</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>"
				+ Instant.now().getEpochSecond() + "</CreateTime><MsgType>event</MsgType><Event>click</Event><EventKey>"
				+ eventKey + "</EventKey><AgentID>1000002</AgentID></xml>");
		return endpoint.receive(click.signature(), click.timestamp(), click.nonce(),
				click.callbackXml("wwcorp", 1000002L).getBytes(StandardCharsets.UTF_8));
	}

	@WxWorkCallback(agent = "demo")
	static class SlowClicks {

		@OnEvent(async = true)
		void clicked(MenuClickEvent click) throws InterruptedException {
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
		}

	}

}

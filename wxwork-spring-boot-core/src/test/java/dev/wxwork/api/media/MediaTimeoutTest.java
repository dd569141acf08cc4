package dev.wxwork.api.media;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkTransportException;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MediaTimeoutTest {

	private final WeComStandIn wecom = StandInAgent.wecom();

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void mediaTransfersGetTheMediaTimeoutWhileApiCallsKeepTheirReadTimeout() {
		WeComStandIn.Answer slow = new WeComStandIn.Answer(200, "image/png", new byte[] { 1, 2, 3 });
		this.wecom.route("/cgi-bin/media/get", (request) -> {
			pause(1200);
			return slow;
		});
		this.wecom.route("/cgi-bin/user/get", (request) -> {
			pause(1200);
			return WeComStandIn.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"a\"}");
		});
		WxWorkHttpClient http = new WxWorkHttpClient(this.wecom.baseUrl(), Duration.ofSeconds(2),
				Duration.ofMillis(500), Duration.ofSeconds(10), RetryPolicy.defaults(), ObservationRegistry.NOOP);
		WxWorkAgent agent = new WxWorkAgent("app", StandInAgent.AGENT_ID, StandInAgent.CORP_ID, StandInAgent.SECRET,
				http, new MemoryAccessTokenStore(), new CredentialKeys("test"), TokenSettings.defaults(),
				Clock.systemUTC());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		agent.media().download("MEDIA_ID", out);
		assertThat(out.toByteArray()).containsExactly(1, 2, 3);
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> agent.users().get("a"))
			.withMessageContaining("/cgi-bin/user/get");
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package dev.wxwork.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.appchat.AppChatMessage;
import dev.wxwork.api.contact.User;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.api.message.MessageContent;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static dev.wxwork.testing.StandInAgent.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes are never doubled and never silently lost: WeCom answering -1 after it had carried a request
 * out, against the stand-in that records each delivery and honours {@code enable_duplicate_check}.
 */
class RetrySemanticsTest {

	private static final String SEND = "/cgi-bin/message/send";

	private static final String APPCHAT_SEND = "/cgi-bin/appchat/send";

	private static final String USER_GET = "/cgi-bin/user/get";

	private final WeComStandIn wecom = StandInAgent.wecom();

	private WxWorkAgent agent;

	@BeforeEach
	void setUp() {
		this.wecom.acceptSends(SEND).acceptSends(APPCHAT_SEND);
		this.wecom.respond(USER_GET, "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"a\"}");
		this.wecom.respond("/cgi-bin/user/create", "{\"errcode\":0,\"errmsg\":\"created\"}");
		this.agent = StandInAgent.of(this.wecom);
	}

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void aSendWeComAcceptedBeforeAnsweringMinusOneIsDeliveredExactlyOnce() {
		int messages = 20;
		for (int i = 0; i < messages; i++) {
			// every other message: WeCom delivers it, then answers -1; the library's retry must be dropped
			if (i % 2 == 0) {
				this.wecom.failNextAfterDelivery(SEND, -1);
			}
			this.agent.messages().send(AppMessage.text("message " + i).toUsers("zhangsan").build());
		}
		Map<String, Long> deliveriesPerMessage = this.wecom.deliveries(SEND)
			.stream()
			.collect(Collectors.groupingBy((request) -> json(request.bodyText()).path("text").path("content").asString(),
					Collectors.counting()));
		assertThat(deliveriesPerMessage).hasSize(messages).allSatisfy((content, count) -> assertThat(count).isOne());
		// the ten retried sends went out twice, deduplicated by WeCom's check that the library turned on
		assertThat(this.wecom.requests(SEND)).hasSize(messages + messages / 2)
			.allSatisfy((request) -> assertThat(json(request.bodyText()).path("enable_duplicate_check").asInt())
				.isEqualTo(1));
	}

	@Test
	void aSendRefusedWithMinusOneBeforeDeliveryIsRetriedAndDeliveredOnce() {
		this.wecom.failNext(SEND, -1, -1);
		this.agent.messages().send(AppMessage.text("hi").toUsers("zhangsan").build());
		assertThat(this.wecom.requests(SEND)).hasSize(3);
		assertThat(this.wecom.deliveries(SEND)).hasSize(1);
	}

	@Test
	void aSendThatKeepsFailingSaysItMayHaveTakenEffect() {
		this.wecom.failNextAfterDelivery(SEND, -1, -1, -1, -1);
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.messages().send(AppMessage.text("hi").toUsers("zhangsan").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(-1);
				assertThat(ex.mayHaveTakenEffect()).isTrue();
				assertThat(ex.getMessage()).contains("may have taken effect");
			});
		assertThat(this.wecom.deliveries(SEND)).hasSize(1);
	}

	@Test
	void theCallersOwnDuplicateCheckIntervalIsKept() {
		this.wecom.failNextAfterDelivery(SEND, -1);
		this.agent.messages()
			.send(AppMessage.text("hi").toUsers("zhangsan").duplicateCheck(Duration.ofMinutes(10)).build());
		assertThat(this.wecom.requests(SEND)).hasSize(2)
			.allSatisfy((request) -> assertThat(json(request.bodyText()).path("duplicate_check_interval").asInt())
				.isEqualTo(600));
		assertThat(this.wecom.deliveries(SEND)).hasSize(1);
	}

	@Test
	void aSendWhoseCallerTurnedTheCheckOffIsNotRetried() {
		AppMessage unchecked = AppMessage.text("hi").toUsers("zhangsan").build();
		unchecked = new AppMessage(unchecked.toUser(), null, null, unchecked.msgtype(), null, unchecked.text(), null,
				null, null, null, null, null, null, null, null, null, null, null, null, 0, null);
		AppMessage message = unchecked;
		this.wecom.failNextAfterDelivery(SEND, -1);
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> this.agent.messages().send(message))
			.satisfies((ex) -> assertThat(ex.mayHaveTakenEffect()).isTrue());
		assertThat(this.wecom.requests(SEND)).hasSize(1);
		assertThat(json(this.wecom.lastRequest(SEND).bodyText()).path("enable_duplicate_check").asInt()).isZero();
		assertThat(this.wecom.deliveries(SEND)).hasSize(1);
	}

	@Test
	void withTheLibrarysCheckOffSendsAreNotRetriedAfterMinusOne() {
		WxWorkAgent unchecked = agent(Duration.ZERO);
		this.wecom.failNextAfterDelivery(SEND, -1);
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> unchecked.messages().send(AppMessage.text("hi").toUsers("zhangsan").build()))
			.satisfies((ex) -> assertThat(ex.mayHaveTakenEffect()).isTrue());
		assertThat(this.wecom.requests(SEND)).hasSize(1);
		assertThat(json(this.wecom.lastRequest(SEND).bodyText()).has("enable_duplicate_check")).isFalse();
		assertThat(this.wecom.deliveries(SEND)).hasSize(1);
	}

	@Test
	void aGroupChatSendWithoutDuplicateCheckIsNeverResent() {
		this.wecom.failNextAfterDelivery(APPCHAT_SEND, -1);
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.appChats().send(AppChatMessage.of("chat1", MessageContent.text("hi"))))
			.satisfies((ex) -> {
				assertThat(ex.mayHaveTakenEffect()).isTrue();
				assertThat(ex.getPath()).isEqualTo(APPCHAT_SEND);
			});
		assertThat(this.wecom.requests(APPCHAT_SEND)).hasSize(1);
		assertThat(this.wecom.deliveries(APPCHAT_SEND)).hasSize(1);
	}

	@Test
	void aCreateIsNotRetriedAfterMinusOne() {
		this.wecom.failNext("/cgi-bin/user/create", -1);
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.users().create(User.builder("a").name("A").mobile("1").build()))
			.satisfies((ex) -> assertThat(ex.mayHaveTakenEffect()).isTrue());
		assertThat(this.wecom.requests("/cgi-bin/user/create")).hasSize(1);
	}

	@Test
	void anIdempotentReadIsRetriedAfterMinusOneAndSucceeds() {
		this.wecom.failNext(USER_GET, -1, -1);
		assertThat(this.agent.users().get("a").userid()).isEqualTo("a");
		assertThat(this.wecom.requests(USER_GET)).hasSize(3);
	}

	@Test
	void rateLimitIsNotRetriedAndDidNotTakeEffect() {
		this.wecom.failNext(USER_GET, 45009);
		assertThatExceptionOfType(WxWorkApiException.class).isThrownBy(() -> this.agent.users().get("a"))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(45009);
				assertThat(ex.mayHaveTakenEffect()).isFalse();
				assertThat(ex.getMessage()).contains("did not take effect").contains("per minute and per hour");
			});
		assertThat(this.wecom.requests(USER_GET)).hasSize(1);
	}

	@Test
	void theConcurrencyLimitIsRetriedForWritesTooSinceWeComRanNothing() {
		this.wecom.failNext("/cgi-bin/user/create", 45033);
		this.agent.users().create(User.builder("a").name("A").mobile("1").build());
		assertThat(this.wecom.requests("/cgi-bin/user/create")).hasSize(2);
	}

	@Test
	void aRateLimitAfterAnAmbiguousAttemptStillSaysTheSendMayHaveTakenEffect() {
		AtomicInteger attempts = new AtomicInteger();
		this.wecom.route(SEND, (request) -> WeComStandIn.Answer.json((attempts.incrementAndGet() == 1)
				? "{\"errcode\":-1,\"errmsg\":\"system busy\"}" : "{\"errcode\":45009,\"errmsg\":\"freq limit\"}"));
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.messages().send(AppMessage.text("hi").toUsers("zhangsan").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(45009);
				assertThat(ex.mayHaveTakenEffect()).isTrue();
				assertThat(ex.getMessage()).contains("may have taken effect");
			});
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aReadTimeoutAfterTheSendSaysItMayHaveTakenEffect() {
		WxWorkAgent impatient = agent(WxWorkHttpClient.DEFAULT_DUPLICATE_CHECK_INTERVAL, Duration.ofMillis(300));
		impatient.accessToken();
		CountDownLatch release = new CountDownLatch(1);
		this.wecom.route(SEND, (request) -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return WeComStandIn.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
		});
		try {
			assertThatExceptionOfType(WxWorkTransportException.class)
				.isThrownBy(() -> impatient.messages().send(AppMessage.text("hi").toUsers("zhangsan").build()))
				.satisfies((ex) -> {
					assertThat(ex.mayHaveTakenEffect()).isTrue();
					assertThat(ex.getMessage()).contains(SEND).contains("may have taken effect");
				});
		}
		finally {
			release.countDown();
		}
		assertThat(this.wecom.requests(SEND)).hasSize(1);
	}

	@Test
	void aRefusedConnectionSaysTheRequestDidNotTakeEffect() {
		// no connection was ever opened: the first call (gettoken) is refused
		this.wecom.close();
		assertThatExceptionOfType(WxWorkTransportException.class)
			.isThrownBy(() -> this.agent.messages().send(AppMessage.text("hi").toUsers("zhangsan").build()))
			.satisfies((ex) -> {
				assertThat(ex.mayHaveTakenEffect()).isFalse();
				assertThat(ex.getMessage()).contains("did not take effect");
			});
	}

	private WxWorkAgent agent(Duration duplicateCheckInterval) {
		return agent(duplicateCheckInterval, Duration.ofSeconds(10));
	}

	private WxWorkAgent agent(Duration duplicateCheckInterval, Duration readTimeout) {
		String base = this.wecom.baseUrl();
		WxWorkHttpClient http = new WxWorkHttpClient(base,
				WxWorkRequestFactories.create(base, Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(10)),
				new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), duplicateCheckInterval,
				ObservationRegistry.NOOP);
		return new WxWorkAgent("app", StandInAgent.AGENT_ID, StandInAgent.CORP_ID, StandInAgent.SECRET, http,
				new MemoryAccessTokenStore(), new CredentialKeys("test"), TokenSettings.defaults(), Clock.systemUTC());
	}

}

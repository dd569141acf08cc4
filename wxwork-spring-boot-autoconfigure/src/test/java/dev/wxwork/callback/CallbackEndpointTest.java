package dev.wxwork.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.wxwork.callback.event.ChangeContactEvent;
import dev.wxwork.callback.event.CreateUserEvent;
import dev.wxwork.callback.event.DeleteUserEvent;
import dev.wxwork.callback.event.MenuClickEvent;
import dev.wxwork.callback.message.ImageMessage;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.test.WeComCallbackSender;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;

/** The callback endpoint over real HTTP: security, dispatch, retries and async mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CallbackEndpointTest.App.class,
		properties = { "wxwork.corp-id=" + CallbackEndpointTest.CORP_ID, "wxwork.token-store=memory", "wxwork.callback.deduplication=memory",
				"wxwork.agents.bot.agent-id=1000002", "wxwork.agents.bot.secret=unused",
				"wxwork.agents.bot.callback.token=" + CallbackEndpointTest.TOKEN,
				"wxwork.agents.bot.callback.encoding-aes-key=" + CallbackEndpointTest.KEY,
				"wxwork.callback.max-body-size=16384" })
class CallbackEndpointTest {

	static final String CORP_ID = "ww0123456789abcdef";

	static final String TOKEN = "t0ken";

	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	@LocalServerPort
	int port;

	@Autowired
	BotCallbacks callbacks;

	private WeComCallbackSender wecom;

	@BeforeEach
	void sender() {
		this.wecom = WeComCallbackSender.of("http://127.0.0.1:" + this.port + "/wxwork/bot/callback", TOKEN, KEY,
				CORP_ID);
		this.callbacks.received.clear();
	}

	@Test
	void answersTheVerificationWithExactlyTheEcho() {
		WeComCallbackSender.CallbackResponse response = this.wecom.verify("8027386423587401234");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("8027386423587401234");
	}

	@Test
	void roundTripsChineseTextAndXmlSpecialCharacters() {
		String content = "你好，企业微信 <&>]]> \"'";
		WeComCallbackSender.CallbackResponse response = this.wecom.send(this.wecom.text("zhangsan", content));
		assertThat(response.status()).isEqualTo(200);
		assertThat(this.callbacks.received).singleElement()
			.isInstanceOfSatisfying(TextMessage.class, (text) -> assertThat(text.content()).isEqualTo(content));
		CallbackMessage reply = CallbackMessage.parse(this.wecom.crypto().openReply(response.body()));
		assertThat(reply.get("Content")).isEqualTo("echo: " + content);
		assertThat(reply.get("ToUserName")).isEqualTo("zhangsan");
		assertThat(reply.get("FromUserName")).isEqualTo(CORP_ID);
	}

	@Test
	void anEchoOfCharactersXmlForbidsIsStillAReplyAnyXmlParserReads() throws Exception {
		WeComCallbackSender.CallbackResponse response = this.wecom.send(this.wecom.text("zhangsan", "ring\u0007 &#1; done"));
		assertThat(response.status()).isEqualTo(200);
		String reply = this.wecom.crypto().openReply(response.body());
		javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		org.w3c.dom.Document document = factory.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		// the raw BEL and the CDATA text "&#1;" (not a reference inside CDATA) arrive as WeCom sent them, minus BEL
		assertThat(document.getElementsByTagName("Content").item(0).getTextContent()).isEqualTo("echo: ring\uFFFD &#1; done");
	}

	@Test
	void refusesEveryForgedOrBrokenCallbackAlikeAndRunsNoHandler() {
		String message = this.wecom.text("attacker", "should never arrive");
		WeComCrypto.Sealed good = this.wecom.crypto().seal(message);
		String stale = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
		byte[] badPadding = this.wecom.crypto().plaintext(message);
		badPadding[badPadding.length - 1] = 0;
		byte[] cipherText = Base64.getDecoder().decode(good.encrypt());
		Map<String, Supplier<WeComCallbackSender.CallbackResponse>> attempts = new LinkedHashMap<>();
		// the first hex digit changed, whatever it was: always another signature
		String badSignature = ((good.signature().charAt(0) == '0') ? "1" : "0") + good.signature().substring(1);
		assertThat(badSignature).isNotEqualTo(good.signature());
		attempts.put("bad signature", () -> this.wecom.send(new WeComCrypto.Sealed(good.encrypt(), badSignature,
				good.timestamp(), good.nonce())));
		attempts.put("stale timestamp", () -> this.wecom.send(this.wecom.crypto().seal(message, stale, "1")));
		attempts.put("future timestamp", () -> this.wecom.send(this.wecom.crypto().seal(message,
				String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()), "1")));
		attempts.put("timestamp not a number", () -> this.wecom.send(this.wecom.crypto().seal(message, "soon", "1")));
		attempts.put("sealed for another corp", () -> this.wecom
			.send(new WeComCrypto(TOKEN, KEY, "wwanothercorp").seal(message)));
		attempts.put("bad padding", () -> this.wecom.send(this.wecom.crypto().signed(this.wecom.crypto().encryptRaw(badPadding))));
		attempts.put("truncated ciphertext", () -> this.wecom.send(this.wecom.crypto()
			.signed(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(cipherText, cipherText.length - 16 - 3)))));
		attempts.put("bad base64", () -> this.wecom.send(this.wecom.crypto().signed("%%%not-base64%%%")));
		attempts.put("DOCTYPE with an external entity around the envelope", () -> this.wecom.post(good.callbackQuery(),
				"<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>&x;</ToUserName><Encrypt><![CDATA["
						+ good.encrypt() + "]]></Encrypt></xml>"));
		attempts.put("DOCTYPE inside the sealed message", () -> this.wecom
			.send("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + message.replace("should never arrive", "&x;")));
		attempts.put("oversized body", () -> this.wecom.post(good.callbackQuery(),
				good.callbackXml(CORP_ID, 1L).replace("<xml>", "<xml><Pad>" + "x".repeat(17000) + "</Pad>")));
		attempts.put("no signature", () -> this.wecom.post("timestamp=" + good.timestamp() + "&nonce=" + good.nonce(),
				good.callbackXml(CORP_ID, 1L)));
		attempts.put("no body", () -> this.wecom.post(good.callbackQuery(), ""));
		attempts.put("no Encrypt element", () -> this.wecom.post(good.callbackQuery(), "<xml><ToUserName>x</ToUserName></xml>"));
		attempts.put("verification without echostr", () -> this.wecom.get(good.callbackQuery()));
		attempts.put("verification with a bad signature", () -> this.wecom
			.get(new WeComCrypto.Sealed(good.encrypt(), "f".repeat(40), good.timestamp(), good.nonce()).verificationQuery()));
		attempts.put("verification without parameters", () -> this.wecom.get(""));
		// the servlet container cannot decode these query strings and throws from getParameter
		attempts.put("verification with a query value that is not UTF-8",
				() -> this.wecom.get(good.verificationQuery().replace("nonce=", "nonce=%C0%AF")));
		attempts.put("callback with a query value that is not UTF-8", () -> this.wecom
			.post(good.callbackQuery().replace("nonce=", "nonce=%C0%AF"), good.callbackXml(CORP_ID, 1L)));
		attempts.put("more query parameters than the container takes",
				() -> this.wecom.post("p=1&".repeat(1000) + good.callbackQuery(), good.callbackXml(CORP_ID, 1L)));
		attempts.forEach((name, attempt) -> {
			WeComCallbackSender.CallbackResponse response = attempt.get();
			assertThat(response.status()).as(name).isEqualTo(400);
			assertThat(response.body()).as(name).isEqualTo("invalid callback");
		});
		assertThat(this.callbacks.received).isEmpty();
		assertThat(this.wecom.send(good).status()).as("the genuine callback still works").isEqualTo(200);
		assertThat(this.callbacks.received).hasSize(1);
	}

	@Test
	void passesUnknownTypesToTheCatchAllWithEveryElementReadable() {
		this.wecom.send("<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>lisi</FromUserName><CreateTime>"
				+ Instant.now().getEpochSecond() + "</CreateTime><MsgType>brand_new_type</MsgType><Gadget><Colour>red</Colour>"
				+ "<Size>3</Size></Gadget><MsgId>77</MsgId></xml>");
		this.wecom.send(this.wecom.event("lisi", "change_contact", "<ChangeType>invented_change</ChangeType><Foo>bar</Foo>"));
		assertThat(this.callbacks.received).hasSize(2).allSatisfy((received) -> assertThat(received).isInstanceOf(CallbackMessage.class));
		CallbackMessage unknownMessage = (CallbackMessage) this.callbacks.received.get(0);
		assertThat(unknownMessage.msgType()).isEqualTo("brand_new_type");
		assertThat(unknownMessage.tree().get("Gadget").get("Colour").stringValue()).isEqualTo("red");
		assertThat(unknownMessage.asMap()).containsEntry("Gadget", Map.of("Colour", "red", "Size", "3"));
		assertThat(unknownMessage.typed()).isEmpty();
		CallbackMessage unknownChange = (CallbackMessage) this.callbacks.received.get(1);
		assertThat(unknownChange.changeType()).isEqualTo("invented_change");
		assertThat(unknownChange.get("Foo")).isEqualTo("bar");
	}

	@Test
	void aChangeTypeHandlerWinsOverTheFamilyHandler() {
		this.wecom.send(this.wecom.event("sys", "change_contact", "<ChangeType>create_user</ChangeType><UserID>wangwu</UserID>"));
		WeComCallbackSender.CallbackResponse deleted = this.wecom
			.send(this.wecom.event("sys", "change_contact", "<ChangeType>delete_user</ChangeType><UserID>wangwu</UserID>"));
		assertThat(this.callbacks.received).hasSize(2);
		assertThat(this.callbacks.received.get(0)).isInstanceOfSatisfying(CreateUserEvent.class,
				(event) -> assertThat(event.userId()).isEqualTo("wangwu"));
		assertThat(this.callbacks.received.get(1)).isInstanceOf(DeleteUserEvent.class);
		assertThat(this.wecom.crypto().openReply(deleted.body())).contains("<Content><![CDATA[bye wangwu]]></Content>");
	}

	@Test
	void handlesARetriedMessageOnceEvenWhileTheFirstDeliveryIsStillRunning() throws Exception {
		WeComCrypto.Sealed slow = this.wecom.crypto().seal(this.wecom.text("zhaoliu", "slow please"));
		CompletableFuture<WeComCallbackSender.CallbackResponse> first = CompletableFuture.supplyAsync(() -> this.wecom.send(slow));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.callbacks.received.isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.callbacks.received).hasSize(1);
		// the retry waits for the first delivery (1.5 s) and answers with its reply
		WeComCallbackSender.CallbackResponse retryWhileRunning = this.wecom.send(slow);
		assertThat(retryWhileRunning.status()).isEqualTo(200);
		assertThat(this.wecom.crypto().openReply(retryWhileRunning.body())).contains("echo: slow please");
		assertThat(first.get(10, TimeUnit.SECONDS).body()).isNotEmpty();
		WeComCallbackSender.CallbackResponse retryAfterwards = this.wecom.send(slow);
		assertThat(retryAfterwards.body()).isEmpty();
		assertThat(this.callbacks.received).hasSize(1);
	}

	@Test
	void aFailingHandlerAnswers500WithoutDetailsAndRunsAgainOnWeComsRetry() {
		this.callbacks.imageAttempts.set(0);
		WeComCrypto.Sealed image = this.wecom.crypto()
			.seal(this.wecom.message("qianqi", "image", "<PicUrl><![CDATA[https://p/1.png]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>"
					+ WeComCallbackSender.msgId() + "</MsgId>"));
		WeComCallbackSender.CallbackResponse failed = this.wecom.send(image);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.body()).isEmpty();
		assertThat(this.wecom.send(image).status()).isEqualTo(200);
		assertThat(this.callbacks.imageAttempts).hasValue(2);
		assertThat(this.callbacks.received).singleElement()
			.isInstanceOfSatisfying(ImageMessage.class, (received) -> assertThat(received.mediaId()).isEqualTo("m1"));
	}

	@Test
	void anAsyncHandlerIsAcknowledgedBeforeItFinishes() throws Exception {
		this.callbacks.clickGate = new CountDownLatch(1);
		long start = System.nanoTime();
		WeComCallbackSender.CallbackResponse response = this.wecom.send(this.wecom.event("sunba", "click", "<EventKey><![CDATA[menu_1]]></EventKey>"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.callbacks.received).isEmpty();
		this.callbacks.clickGate.countDown();
		assertThat(this.callbacks.clickDone.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.callbacks.received).singleElement()
			.isInstanceOfSatisfying(MenuClickEvent.class, (click) -> assertThat(click.eventKey()).isEqualTo("menu_1"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BotCallbacks.class)
	static class App {

	}

	@WxWorkCallback(agent = "bot")
	static class BotCallbacks {

		final List<Object> received = new CopyOnWriteArrayList<>();

		final AtomicInteger imageAttempts = new AtomicInteger();

		volatile CountDownLatch clickGate = new CountDownLatch(0);

		final CountDownLatch clickDone = new CountDownLatch(1);

		@OnMessage
		Reply echo(TextMessage message) throws InterruptedException {
			this.received.add(message);
			if (message.content().startsWith("slow")) {
				Thread.sleep(1500);
			}
			return Reply.text("echo: " + message.content());
		}

		@OnMessage("image")
		void failsOnce(ImageMessage image) {
			if (this.imageAttempts.incrementAndGet() == 1) {
				throw new IllegalStateException("the database is down");
			}
			this.received.add(image);
		}

		@OnEvent
		void contactChanged(ChangeContactEvent event) {
			this.received.add(event);
		}

		@OnEvent(value = "change_contact", changeType = "delete_user")
		Reply memberDeleted(DeleteUserEvent event) {
			this.received.add(event);
			return Reply.text("bye " + event.userId());
		}

		@OnEvent(async = true)
		void clicked(MenuClickEvent click) throws InterruptedException {
			this.clickGate.await(10, TimeUnit.SECONDS);
			this.received.add(click);
			this.clickDone.countDown();
		}

		@OnOtherCallbacks
		void other(CallbackMessage message) {
			this.received.add(message);
		}

	}

}

package dev.wxwork.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.CallbackDispatcher;
import dev.wxwork.callback.CallbackEndpoint;
import dev.wxwork.callback.CallbackResponse;
import dev.wxwork.callback.MemoryCallbackDeduplicator;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.callback.reply.Reply;
import dev.wxwork.client.RetryPolicy;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.SealedMessage;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

/**
 * The in-process cost of one callback: a sealed 1 KB text message in, through freshness, signature,
 * decryption, parsing, typing, deduplication and dispatch, to the sealed text reply out; and next to it,
 * in the same run, its floor: the crypto alone on the same messages (signature check and decryption of
 * the envelope, sealing of a reply of the same size). Absolute microseconds vary from machine to machine;
 * the ratio of the two is what the README quotes. Run it with the command in docs/callbacks.md; it is not
 * part of {@code mvn verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallbackBenchmark {

	private static final String CORP_ID = "ww0123456789abcdef";

	private static final String TOKEN = "benchmark-token";

	private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	// more distinct messages than the deduplicator remembers, so every call runs the handler
	private static final int MESSAGES = 4096;

	private CallbackEndpoint endpoint;

	private SealedMessage[] sealed;

	private byte[][] bodies;

	private int next;

	private CallbackCrypto crypto;

	private String replyXml;

	@Setup
	public void setUp() {
		CallbackCrypto crypto = new CallbackCrypto(TOKEN, KEY, CORP_ID);
		this.crypto = crypto;
		WxWorkHttpClient http = new WxWorkHttpClient("http://127.0.0.1:9", Duration.ofSeconds(1), Duration.ofSeconds(1),
				new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		WxWorkAgent agent = new WxWorkAgent("bench", 1000002L, CORP_ID, "unused", http, new MemoryAccessTokenStore(),
				new CredentialKeys("bench"), TokenSettings.defaults(), Clock.systemUTC());
		CallbackDispatcher dispatcher = CallbackDispatcher.builder("bench").add(new Echo(), Echo.class).build();
		this.endpoint = new CallbackEndpoint(agent, crypto, dispatcher,
				new MemoryCallbackDeduplicator(Duration.ofMinutes(10), 1024, Clock.systemUTC()), Runnable::run,
				new CallbackEndpoint.Settings(Duration.ofHours(1), 256 * 1024, "wxwork"), Clock.systemUTC());
		String content = "x".repeat(760);
		long now = System.currentTimeMillis() / 1000;
		this.sealed = new SealedMessage[MESSAGES];
		this.bodies = new byte[MESSAGES][];
		for (int i = 0; i < MESSAGES; i++) {
			String message = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
					+ "</FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
					+ content + "]]></Content><MsgId>" + (4561255354251345929L + i) + "</MsgId><AgentID>1000002</AgentID></xml>";
			this.sealed[i] = crypto.seal(message);
			this.bodies[i] = this.sealed[i].callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8);
		}
		this.replyXml = Reply.text("echo: " + content).toXml("zhangsan", CORP_ID, now);
		CallbackResponse check = receive();
		if (check.status() != 200 || check.bodyText().isEmpty() || !crypto.openReply(check.bodyText()).contains(content)) {
			throw new IllegalStateException("The benchmark's callback was not answered with a reply: " + check);
		}
	}

	@Benchmark
	public CallbackResponse receiveTextMessageAndSealReply() {
		return receive();
	}

	/** The floor: what any correct endpoint must do for the same callback, the crypto alone. */
	@Benchmark
	public String cryptoAloneVerifyDecryptAndSeal() {
		int i = this.next;
		this.next = (i + 1) % MESSAGES;
		SealedMessage message = this.sealed[i];
		byte[] plaintext = this.crypto.openCallback(message.signature(), message.timestamp(), message.nonce(), this.bodies[i]);
		if (plaintext.length == 0) {
			throw new IllegalStateException("nothing decrypted");
		}
		return this.crypto.seal(this.replyXml).replyXml();
	}

	private CallbackResponse receive() {
		int i = this.next;
		this.next = (i + 1) % MESSAGES;
		SealedMessage message = this.sealed[i];
		return this.endpoint.receive(message.signature(), message.timestamp(), message.nonce(), this.bodies[i]);
	}

	/** The echo bot of the docs. */
	public static class Echo {

		@OnMessage
		public Reply echo(TextMessage message) {
			return Reply.text("echo: " + message.content());
		}

	}

}

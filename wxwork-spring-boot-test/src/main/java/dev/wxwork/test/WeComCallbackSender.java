package dev.wxwork.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Plays WeCom's side of an app's callback URL: seals a message or event as WeCom does (with the kit's
 * own {@link WeComCrypto}), signs it, POSTs it to the app and opens the passive reply as WeCom would.
 * Works over a real port ({@link #of(String, String, String, String)}) or with {@link MockMvc}
 * ({@link #of(MockMvc, String, String, String, String)}).
 * <pre>{@code
 * WeComCallbackSender wecom = WeComCallbackSender.of(mockMvc, "/wxwork/callback/demo", token, aesKey, corpId);
 * PassiveReply reply = wecom.send(wecom.text("zhangsan", "hello")).reply();
 * assertThat(reply.content()).isEqualTo("echo: hello");
 * assertThat(wecom.sendWithBadSignature(wecom.text("zhangsan", "hi")).status()).isEqualTo(400);
 * }</pre>
 */
public final class WeComCallbackSender {

	// counted, not drawn: two messages of one run never share a MsgId (and so are never taken for a retry)
	private static final AtomicLong MSG_IDS = new AtomicLong(4_100_000_000_000_000L);

	private final Transport transport;

	private final WeComCrypto crypto;

	private final String corpId;

	private volatile long agentId = 1000002L;

	private WeComCallbackSender(Transport transport, WeComCrypto crypto, String corpId) {
		this.transport = transport;
		this.crypto = crypto;
		this.corpId = corpId;
	}

	/** A sender to a callback URL served on a real port, such as {@code http://127.0.0.1:PORT/wxwork/callback/demo}. */
	public static WeComCallbackSender of(String url, String token, String encodingAesKey, String corpId) {
		return new WeComCallbackSender(new HttpTransport(url), new WeComCrypto(token, encodingAesKey, corpId), corpId);
	}

	/** A sender to a callback path of the application behind this {@link MockMvc}. */
	public static WeComCallbackSender of(MockMvc mockMvc, String path, String token, String encodingAesKey,
			String corpId) {
		return new WeComCallbackSender(new MockMvcTransport(mockMvc, path), new WeComCrypto(token, encodingAesKey, corpId),
				corpId);
	}

	/** The AgentID the messages built here carry (1000002 unless set). */
	public WeComCallbackSender agentId(long agentId) {
		this.agentId = agentId;
		return this;
	}

	/** The crypto this sender seals with, to build messages broken on purpose. */
	public WeComCrypto crypto() {
		return this.crypto;
	}

	/** A fresh MsgId, never used before in this JVM. */
	public static long msgId() {
		return MSG_IDS.incrementAndGet();
	}

	/** A text message from a member, as WeCom sends it (doc 90239), with a fresh MsgId. */
	public String text(String from, String content) {
		return message(from, "text", "<Content>" + cdata(content) + "</Content><MsgId>" + msgId() + "</MsgId>");
	}

	/** A message of any type: the common elements, then these (such as {@code <PicUrl>…</PicUrl><MediaId>…</MediaId><MsgId>…</MsgId>}). */
	public String message(String from, String msgType, String elements) {
		return "<xml><ToUserName>" + cdata(this.corpId) + "</ToUserName><FromUserName>" + cdata(from)
				+ "</FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType>"
				+ cdata(msgType) + "</MsgType>" + elements + "<AgentID>" + this.agentId + "</AgentID></xml>";
	}

	/** An event as WeCom sends it (doc 90240): the common elements, then these. */
	public String event(String from, String event, String elements) {
		return message(from, "event", "<Event>" + cdata(event) + "</Event>" + elements);
	}

	/** A member opened the app (enter_agent). */
	public String enterAgent(String from) {
		return event(from, "enter_agent", "<EventKey><![CDATA[]]></EventKey>");
	}

	/** A member followed the app. */
	public String subscribe(String from) {
		return event(from, "subscribe", "");
	}

	/** A member clicked a menu item with this key. */
	public String click(String from, String eventKey) {
		return event(from, "click", "<EventKey>" + cdata(eventKey) + "</EventKey>");
	}

	/** A contact change: a member was created (doc 90970). */
	public String createUser(String userId, String name) {
		return event("sys", "change_contact", "<ChangeType><![CDATA[create_user]]></ChangeType><UserID>" + cdata(userId)
				+ "</UserID><Name>" + cdata(name) + "</Name>");
	}

	/** A customer-contact change: a member added a customer (doc 92130). */
	public String addExternalContact(String userId, String externalUserId, String welcomeCode) {
		return event("sys", "change_external_contact", "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID>"
				+ cdata(userId) + "</UserID><ExternalUserID>" + cdata(externalUserId) + "</ExternalUserID><WelcomeCode>"
				+ cdata(welcomeCode) + "</WelcomeCode>");
	}

	/** Seals, signs and POSTs any plaintext message or event XML. */
	public CallbackResponse send(String messageXml) {
		return send(this.crypto.seal(messageXml));
	}

	/** POSTs an already sealed message. */
	public CallbackResponse send(WeComCrypto.Sealed sealed) {
		return post(sealed.callbackQuery(), sealed.callbackXml(this.corpId, this.agentId));
	}

	/** Sends with a signature that does not match: the app must refuse it with a 4xx and call no handler. */
	public CallbackResponse sendWithBadSignature(String messageXml) {
		WeComCrypto.Sealed sealed = this.crypto.seal(messageXml);
		String forged = (sealed.signature().charAt(0) == '0' ? "1" : "0") + sealed.signature().substring(1);
		return send(new WeComCrypto.Sealed(sealed.encrypt(), forged, sealed.timestamp(), sealed.nonce()));
	}

	/** Sends correctly signed, but with a timestamp this far in the past: a replay the app must refuse. */
	public CallbackResponse sendStale(String messageXml, Duration age) {
		String timestamp = String.valueOf(Instant.now().minus(age).getEpochSecond());
		return send(this.crypto.seal(messageXml, timestamp, "4242"));
	}

	/** Runs WeCom's URL verification (doc 90930) with this echo string. */
	public CallbackResponse verify(String echo) {
		return wrap(this.transport.exchange("GET", this.crypto.seal(echo).verificationQuery(), null));
	}

	/** GETs the callback URL with a raw query, such as a verification with a forged signature or no echostr. */
	public CallbackResponse get(String query) {
		return wrap(this.transport.exchange("GET", query, null));
	}

	/** POSTs a raw body with a raw query, for anything else an attacker might send. */
	public CallbackResponse post(String query, String body) {
		return wrap(this.transport.exchange("POST", query, body));
	}

	private CallbackResponse wrap(RawResponse raw) {
		return new CallbackResponse(raw.status(), raw.body(), raw.contentType());
	}

	private static String cdata(String text) {
		return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}

	/** The app's answer to a callback. */
	public final class CallbackResponse {

		private final int status;

		private final String body;

		private final String contentType;

		CallbackResponse(int status, String body, String contentType) {
			this.status = status;
			this.body = body;
			this.contentType = contentType;
		}

		/** The HTTP status. */
		public int status() {
			return this.status;
		}

		/** The raw body. */
		public String body() {
			return this.body;
		}

		/** The Content-Type header, if any (WeCom wants a URL verification answered in {@code text/plain}). */
		public Optional<String> contentType() {
			return Optional.ofNullable(this.contentType);
		}

		/** Whether WeCom would count the callback delivered with no reply: HTTP 200 and an empty body. */
		public boolean isEmptyReply() {
			return this.status == 200 && this.body.isEmpty();
		}

		/** The passive reply, opened and verified as WeCom would; fails unless there is one. */
		public PassiveReply reply() {
			if (this.status != 200 || this.body.isEmpty()) {
				throw new AssertionError("No passive reply: HTTP " + this.status + " '" + this.body + "'");
			}
			return new PassiveReply(WeComCallbackSender.this.crypto.openReply(this.body));
		}

		@Override
		public String toString() {
			return "HTTP " + this.status + " " + this.body;
		}

	}

	/** A decrypted passive reply (doc 90241). */
	public record PassiveReply(String xml) {

		/** {@code MsgType}: text, image, voice, video, news, update_button, update_taskcard. */
		public String msgType() {
			return element("MsgType");
		}

		/** {@code Content} of a text reply. */
		public String content() {
			return element("Content");
		}

		/** {@code ToUserName}: the member the reply goes to. */
		public String toUser() {
			return element("ToUserName");
		}

		/** Any element's text, by name (the first of that name); fails when there is none. */
		public String element(String name) {
			return WeComCrypto.text(WeComCrypto.parse(this.xml), name);
		}

	}

	private record RawResponse(int status, String body, String contentType) {
	}

	private interface Transport {

		RawResponse exchange(String method, String query, String body);

	}

	private static final class HttpTransport implements Transport {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final String url;

		HttpTransport(String url) {
			this.url = url;
		}

		@Override
		public RawResponse exchange(String method, String query, String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + "?" + query))
				.timeout(Duration.ofSeconds(20));
			if (body != null) {
				request.header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			else {
				request.GET();
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new RawResponse(response.statusCode(), response.body(),
						response.headers().firstValue("Content-Type").orElse(null));
			}
			catch (IOException ex) {
				throw new IllegalStateException("The callback endpoint " + this.url + " did not answer", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	private static final class MockMvcTransport implements Transport {

		private final MockMvc mockMvc;

		private final String path;

		MockMvcTransport(MockMvc mockMvc, String path) {
			this.mockMvc = mockMvc;
			this.path = path;
		}

		@Override
		public RawResponse exchange(String method, String query, String body) {
			try {
				MvcResult result = this.mockMvc
					.perform((body != null)
							? MockMvcRequestBuilders.post(URI.create(this.path + "?" + query))
								.contentType("text/xml")
								.content(body.getBytes(StandardCharsets.UTF_8))
							: MockMvcRequestBuilders.get(URI.create(this.path + "?" + query)))
					.andReturn();
				if (result.getRequest().isAsyncStarted()) {
					result = this.mockMvc.perform(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
						.andReturn();
				}
				return new RawResponse(result.getResponse().getStatus(),
						result.getResponse().getContentAsString(StandardCharsets.UTF_8), result.getResponse().getContentType());
			}
			catch (Exception ex) {
				throw new IllegalStateException("MockMvc failed on " + this.path, ex);
			}
		}

	}

}

package dev.wxwork.sample.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

import dev.wxwork.autoconfigure.WxWorkProperties;
import dev.wxwork.callback.CallbackMessage;
import dev.wxwork.crypto.CallbackXml;
import dev.wxwork.test.WeComCrypto;

/**
 * Plays WeCom's part of a callback: writes the message or event as WeCom's XML, seals it with the
 * app's callback Token and EncodingAESKey (encrypted body, msg_signature, timestamp, nonce), POSTs it
 * to the app's callback URL on this server (or on another instance, given as the push's {@code target}), and opens the sealed passive reply (checking its signature)
 * as WeCom would.
 */
public final class CallbackPusher {

	private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final WxWorkProperties wxwork;

	private final IntSupplier port;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	// WeCom's MsgIds are 64-bit numbers; starting from the clock keeps them unique across restarts too.
	private final AtomicLong msgIds;

	/**
	 * @param wxwork the apps, for their callback Token and EncodingAESKey
	 * @param port the port this server listens on, known once it has started
	 */
	public CallbackPusher(WxWorkProperties wxwork, IntSupplier port, Clock clock) {
		this.wxwork = wxwork;
		this.port = port;
		this.clock = clock;
		this.msgIds = new AtomicLong(clock.millis() * 1000);
	}

	/** Pushes one callback and answers what happened: the callback sent, the HTTP status, the opened reply. */
	public Map<String, Object> push(PushRequest request) throws IOException, InterruptedException {
		String agentName = (request.agent() != null) ? request.agent() : "demo";
		WxWorkProperties.Agent agent = this.wxwork.getAgents().get(agentName);
		if (agent == null || agent.getCallback().getToken() == null || agent.getCallback().getEncodingAesKey() == null) {
			throw new IllegalArgumentException("No app '" + agentName + "' with a callback token and EncodingAESKey");
		}
		if (request.msgType() == null || request.msgType().isBlank()) {
			throw new IllegalArgumentException("msgType is required: text, image, ..., or event");
		}
		// sealed and opened by the test kit's own WeCom crypto, independent of the library's
		WeComCrypto crypto = new WeComCrypto(agent.getCallback().getToken(), agent.getCallback().getEncodingAesKey(),
				this.wxwork.getCorpId());
		boolean isEvent = "event".equals(request.msgType());
		String msgId = isEvent ? request.msgId()
				: (request.msgId() != null) ? request.msgId() : String.valueOf(this.msgIds.incrementAndGet());
		long createTime = (request.createTime() != null) ? request.createTime() : this.clock.millis() / 1000;
		String xml = xml(request, this.wxwork.getCorpId(), agent.getAgentId(), msgId, createTime);
		WeComCrypto.Sealed sealed = crypto.seal(xml, this.clock);
		String target = (request.target() != null) ? request.target() : "http://127.0.0.1:" + this.port.getAsInt();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(callbackUri(target, agentName, sealed.callbackQuery()))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "text/xml; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(sealed.callbackXml(this.wxwork.getCorpId(), agent.getAgentId()),
							StandardCharsets.UTF_8))
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", response.statusCode());
		answer.put("msgId", msgId);
		answer.put("createTime", createTime);
		answer.put("callback", xml);
		String body = response.body();
		if (response.statusCode() == 200 && !body.isEmpty()) {
			String reply = crypto.openReply(body);
			answer.put("reply", reply);
			answer.put("replyContent", CallbackMessage.parse(reply).get("Content"));
		}
		else {
			// An empty 200 is "received, no reply": no handler answers this type, or it was a replay.
			answer.put("reply", null);
			answer.put("replyContent", null);
			if (response.statusCode() != 200) {
				answer.put("body", body);
			}
		}
		return answer;
	}

	/**
	 * The callback URL of an app on the server at {@code target}, such as {@code http://127.0.0.1:8081}: an
	 * http(s) base URL, optionally with a context path, and nothing a URL could smuggle in besides.
	 */
	static URI callbackUri(String target, String agentName, String query) {
		URI base;
		try {
			base = new URI(target);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("target is not a URL: " + ex.getReason());
		}
		if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())
				|| base.getHost() == null || base.getRawUserInfo() != null || base.getRawQuery() != null
				|| base.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"target must be an http(s) base URL such as http://127.0.0.1:8081, without user, query or fragment");
		}
		if (!isLoopback(base.getHost())) {
			// The simulator pushes sealed callbacks to other instances on this machine only: an open
			// push target would let anyone use the sample as a relay to arbitrary hosts.
			throw new IllegalArgumentException("target must be a loopback address (127.0.0.1, localhost, [::1])");
		}
		String path = (base.getRawPath() != null) ? base.getRawPath().replaceAll("/+$", "") : "";
		return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "/wxwork/" + agentName
				+ "/callback" + (query.isEmpty() ? "" : "?" + query));
	}

	private static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		// Only literal addresses: a name other than localhost would need a DNS lookup to judge.
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false;
		}
		try {
			return java.net.InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	/** The plaintext callback in WeCom's element order (doc 90239 for messages, 90970 for contact changes). */
	static String xml(PushRequest request, String corpId, Long agentId, String msgId, long createTime) {
		StringBuilder xml = new StringBuilder(512).append("<xml>");
		String fromUser = (request.fromUser() != null) ? request.fromUser()
				: "change_contact".equals(request.event()) ? "sys" : "zhangsan";
		CallbackXml.appendText(xml, "ToUserName", corpId);
		CallbackXml.appendText(xml, "FromUserName", fromUser);
		CallbackXml.appendNumber(xml, "CreateTime", createTime);
		CallbackXml.appendText(xml, "MsgType", request.msgType());
		appendIfPresent(xml, "Content", request.content());
		appendIfPresent(xml, "Event", request.event());
		appendIfPresent(xml, "ChangeType", request.changeType());
		appendIfPresent(xml, "UserID", request.userId());
		appendIfPresent(xml, "Name", request.name());
		appendIfPresent(xml, "EventKey", request.eventKey());
		if (request.elements() != null) {
			request.elements().forEach((name, value) -> {
				if (!ELEMENT_NAME.matcher(name).matches()) {
					throw new IllegalArgumentException("Not an XML element name: " + name);
				}
				appendIfPresent(xml, name, value);
			});
		}
		if (msgId != null) {
			// WeCom writes its numeric MsgId bare; anything else a caller chose goes in CDATA.
			if (msgId.chars().allMatch(Character::isDigit) && !msgId.isEmpty()) {
				xml.append("<MsgId>").append(msgId).append("</MsgId>");
			}
			else {
				CallbackXml.appendText(xml, "MsgId", msgId);
			}
		}
		// Contact changes come from the contacts-sync side, without an app.
		if (agentId != null && !"change_contact".equals(request.event())) {
			CallbackXml.appendNumber(xml, "AgentID", agentId);
		}
		return xml.append("</xml>").toString();
	}

	private static void appendIfPresent(StringBuilder xml, String name, String value) {
		if (value != null) {
			CallbackXml.appendText(xml, name, value);
		}
	}

}

package dev.wxwork.sample.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import dev.wxwork.sample.callbacks.RingBuffer;

/**
 * The part of the WeCom server API the sample app uses, answering as WeCom does (doc 90313 for the
 * error codes): {@code gettoken} for exactly the configured corp id and secrets, and
 * {@code message/send} to a small fixed directory of members. Plain logic; the HTTP side is
 * {@link SimulatorController}.
 */
public final class WeComSimulator {

	private static final Log logger = LogFactory.getLog(WeComSimulator.class);

	/** How long an access token lives, as with WeCom (doc 91039). */
	static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);

	// Tokens are only issued to the configured apps; far fewer than this are ever live.
	private static final int MAX_TOKENS = 10_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String corpId;

	private final Map<String, Long> agentIdsBySecret;

	private final Set<String> users;

	private final Clock clock;

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	private final AtomicLong messageCount = new AtomicLong();

	// Counted so that a test can see how often the library asked for a token, over every instance.
	private final AtomicLong gettokenCalls = new AtomicLong();

	private final AtomicLong tokensIssued = new AtomicLong();

	private final RingBuffer<Map<String, Object>> sentMessages = new RingBuffer<>(100);

	// Bounded like the tokens: a test sends hundreds, never this many.
	private static final int MAX_DELIVERY_KEYS = 100_000;

	private final Map<Delivery.Key, AtomicLong> deliveries = new ConcurrentHashMap<>();

	/**
	 * @param corpId the only corp id {@code gettoken} accepts
	 * @param agentIdsBySecret the secrets it accepts, each with the AgentId of its app
	 * @param users the userids of the members it knows
	 */
	public WeComSimulator(String corpId, Map<String, Long> agentIdsBySecret, Set<String> users, Clock clock) {
		this.corpId = Objects.requireNonNull(corpId, "corpId");
		this.agentIdsBySecret = Map.copyOf(agentIdsBySecret);
		this.users = ConcurrentHashMap.newKeySet();
		this.users.addAll(users);
		this.clock = clock;
	}

	/** {@code GET /cgi-bin/gettoken} (doc 91039). */
	public Map<String, Object> getToken(String corpid, String corpsecret) {
		this.gettokenCalls.incrementAndGet();
		if (!this.corpId.equals(corpid)) {
			return error(40013, "invalid corpid");
		}
		Long agentId = (corpsecret != null) ? this.agentIdsBySecret.get(corpsecret) : null;
		if (agentId == null) {
			return error(40001, "invalid credential");
		}
		Instant now = this.clock.instant();
		if (this.tokens.size() >= MAX_TOKENS) {
			this.tokens.values().removeIf((grant) -> grant.expiresAt().isBefore(now));
		}
		String token = randomToken();
		this.tokens.put(token, new Grant(agentId, now.plus(TOKEN_LIFETIME)));
		this.tokensIssued.incrementAndGet();
		// Shows that the library caches tokens: one line per token, not per call (the token itself stays out).
		logger.info("Simulator: issued an access token for AgentId " + agentId + ", valid " + TOKEN_LIFETIME.toSeconds()
				+ " s");
		Map<String, Object> answer = ok();
		answer.put("access_token", token);
		answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
		return answer;
	}

	/** {@code POST /cgi-bin/message/send} (doc 90236); text content is checked, other types are accepted as they are. */
	public Map<String, Object> sendMessage(String accessToken, JsonNode message) {
		if (accessToken == null || accessToken.isEmpty()) {
			return error(41001, "access_token missing");
		}
		Grant grant = this.tokens.get(accessToken);
		if (grant == null || grant.expiresAt().isBefore(this.clock.instant())) {
			return error(40014, "invalid access_token");
		}
		if (message == null || !message.isObject()) {
			return error(47001, "data format error");
		}
		if (!message.path("agentid").isNumber() || message.path("agentid").asLong() != grant.agentId()) {
			return error(40056, "invalid agentid");
		}
		String msgtype = message.path("msgtype").asString("");
		if (msgtype.isEmpty()) {
			return error(40008, "invalid message type");
		}
		if ("text".equals(msgtype) && message.path("text").path("content").asString("").isEmpty()) {
			return error(44004, "empty content");
		}
		List<String> users = ids(message, "touser");
		List<String> parties = ids(message, "toparty");
		List<String> tags = ids(message, "totag");
		if (users.isEmpty() && parties.isEmpty() && tags.isEmpty()) {
			return error(82001, "the recipients (touser, toparty, totag) are all empty");
		}
		List<String> invalidUsers = new ArrayList<>();
		int reached = 0;
		for (String user : users) {
			if ("@all".equals(user)) {
				reached += this.users.size();
			}
			else if (this.users.contains(user)) {
				reached++;
			}
			else {
				invalidUsers.add(user);
			}
		}
		// The simulated corp has one department (1, the root) and no tags.
		List<String> invalidParties = parties.stream().filter((party) -> !"1".equals(party)).toList();
		reached += parties.size() - invalidParties.size();
		if (reached == 0) {
			return error(81013, "user & party & tag all invalid");
		}
		String msgid = "sim" + Long.toString(this.clock.millis(), 36) + "-" + this.messageCount.incrementAndGet();
		Map<String, Object> sent = new LinkedHashMap<>();
		sent.put("msgid", msgid);
		sent.put("message", message);
		this.sentMessages.add(sent);
		if ("text".equals(msgtype) && this.deliveries.size() < MAX_DELIVERY_KEYS) {
			String content = message.path("text").path("content").asString("");
			// only members who got it: the invalid ones are answered in invaliduser, as WeCom does
			users.stream()
				.filter((user) -> !invalidUsers.contains(user))
				.forEach((user) -> this.deliveries.computeIfAbsent(new Delivery.Key(user, content), (key) -> new AtomicLong())
					.incrementAndGet());
		}
		Map<String, Object> answer = ok();
		answer.put("invaliduser", String.join("|", invalidUsers));
		answer.put("invalidparty", String.join("|", invalidParties));
		answer.put("invalidtag", String.join("|", tags));
		answer.put("msgid", msgid);
		return answer;
	}

	/**
	 * How much the simulated WeCom was asked, since it started: {@code gettokenCalls} (refused ones
	 * included), {@code tokensIssued} and {@code messagesAccepted}. Counts only, never a token.
	 */
	public Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("gettokenCalls", this.gettokenCalls.get());
		stats.put("tokensIssued", this.tokensIssued.get());
		stats.put("messagesAccepted", this.messageCount.get());
		return stats;
	}

	/** The last 100 messages the simulator accepted, oldest first, each with its msgid and the request body. */
	public List<Map<String, Object>> sentMessages() {
		return this.sentMessages.snapshot();
	}

	/**
	 * Adds a member to the directory, as creating one in WeCom does: the simulator pushes
	 * {@code create_user} for members it then knows, so that a welcome to them arrives.
	 */
	public void addMember(String userId) {
		if (this.users.size() < MAX_DELIVERY_KEYS) {
			this.users.add(userId);
		}
	}

	/** Every text message accepted, counted per recipient (as addressed) and content. */
	public List<Delivery> deliveries() {
		return this.deliveries.entrySet()
			.stream()
			.map((entry) -> new Delivery(entry.getKey().toUser(), entry.getKey().content(), entry.getValue().get()))
			.toList();
	}

	private static List<String> ids(JsonNode message, String field) {
		String value = message.path(field).asString("");
		return value.isBlank() ? List.of() : List.of(value.split("\\|"));
	}

	private static String randomToken() {
		byte[] bytes = new byte[48];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Map<String, Object> ok() {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("errcode", 0);
		answer.put("errmsg", "ok");
		return answer;
	}

	private static Map<String, Object> error(int errcode, String errmsg) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("errcode", errcode);
		// WeCom's own errmsg points at its error-code lookup in the same way.
		answer.put("errmsg", errmsg + ", more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode);
		return answer;
	}

	@Override
	public String toString() {
		return "WeComSimulator[corpId=" + this.corpId + ", " + this.users.size() + " users]";
	}

	private record Grant(long agentId, Instant expiresAt) {
	}

	/**
	 * A text message as it arrived, and how often.
	 *
	 * @param toUser a recipient as addressed
	 * @param content the text
	 * @param count how many times it was accepted
	 */
	public record Delivery(String toUser, String content, long count) {

		record Key(String toUser, String content) {
		}

	}

}

package dev.wxwork.sample.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import dev.wxwork.sample.callbacks.RingBuffer;

/**
 * The group robot webhooks of the simulated WeCom (doc 91770): {@code webhook/send} for exactly the
 * configured keys (93000 for any other), at most 20 messages a minute per robot (45009 beyond), and
 * WeCom's length limits (40058). Plain logic; the HTTP side is {@link WebhookSimulatorController}.
 */
public final class WebhookSimulator {

	private static final int PER_MINUTE = 20;

	private static final long WINDOW_MILLIS = 60_000;

	private final Set<String> keys;

	private final Clock clock;

	private final Map<String, Deque<Long>> sendTimes = new ConcurrentHashMap<>();

	private final RingBuffer<Map<String, Object>> posted = new RingBuffer<>(100);

	/** @param keys the robot keys it accepts */
	public WebhookSimulator(Set<String> keys, Clock clock) {
		this.keys = Set.copyOf(keys);
		this.clock = clock;
	}

	/** {@code POST /cgi-bin/webhook/send?key=…}. */
	public Map<String, Object> send(String key, JsonNode message) {
		if (key == null || !this.keys.contains(key)) {
			return error(93000, "invalid webhook url");
		}
		if (message == null || !message.isObject()) {
			return error(40001, "invalid json");
		}
		String msgtype = message.path("msgtype").asString("");
		JsonNode content = message.path(msgtype);
		if (msgtype.isEmpty() || !content.isObject()) {
			return error(40008, "invalid message type");
		}
		int limit = switch (msgtype) {
			case "text" -> 2048;
			case "markdown", "markdown_v2" -> 4096;
			default -> -1;
		};
		if (limit > 0) {
			String text = content.path("content").asString("");
			if (text.isEmpty()) {
				return error(44004, "empty content");
			}
			if (text.getBytes(StandardCharsets.UTF_8).length > limit) {
				return error(40058, msgtype + ".content exceed max length " + limit);
			}
		}
		Deque<Long> times = this.sendTimes.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			long now = this.clock.millis();
			while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
				times.pollFirst();
			}
			if (times.size() >= PER_MINUTE) {
				return error(45009, "api freq out of limit");
			}
			times.addLast(now);
		}
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("msgtype", msgtype);
		record.put("message", message);
		this.posted.add(record);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("errcode", 0);
		answer.put("errmsg", "ok");
		return answer;
	}

	/** The last 100 messages posted by any robot, oldest first. */
	public List<Map<String, Object>> posted() {
		return this.posted.snapshot();
	}

	private static Map<String, Object> error(int errcode, String errmsg) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("errcode", errcode);
		answer.put("errmsg", errmsg + ", more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode);
		return answer;
	}

	@Override
	public String toString() {
		return "WebhookSimulator[" + this.keys.size() + " robots]";
	}

}

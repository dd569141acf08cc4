package dev.wxwork.test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WeCom's errmsg texts for the errcodes the stand-ins answer, and the way WeCom writes an errmsg. The texts
 * are WeCom's own, as its answers carry them (the global errcode list is doc 90313; each errcode's page is
 * {@code https://open.work.weixin.qq.com/devtool/query?e=<errcode>}).
 */
final class ErrorCodes {

	private static final Map<Integer, String> TEXTS = Map.ofEntries(Map.entry(-1, "system busy"),
			Map.entry(40001, "invalid credential"), Map.entry(40013, "invalid corpid"),
			Map.entry(40014, "invalid access_token"), Map.entry(40056, "invalid agentid"),
			Map.entry(41001, "access_token missing"), Map.entry(41005, "media data missing"), Map.entry(42001, "access_token expired"),
			Map.entry(44004, "empty content"), Map.entry(45002, "content size out of limit"),
			Map.entry(45009, "api freq out of limit"), Map.entry(45033, "api concurrent out of limit"),
			Map.entry(47001, "data format error"), Map.entry(48002, "api forbidden"),
			Map.entry(60011, "no privilege to access/modify contact/party/agent"),
			Map.entry(60020, "not allow to access from your ip"), Map.entry(60111, "userid not found"),
			Map.entry(81013, "user & party & tag all invalid"), Map.entry(82001, "All touser & toparty & totag invalid"),
			Map.entry(84061, "not external contact"), Map.entry(93000, "invalid webhook url"),
			Map.entry(301002, "not allow operate another agent with this accesstoken."));

	private static final AtomicLong HINTS = new AtomicLong();

	private ErrorCodes() {
	}

	/** WeCom's text for this errcode, or a neutral one for a code not listed here. */
	static String text(int errcode) {
		return TEXTS.getOrDefault(errcode, "error " + errcode);
	}

	/**
	 * An errmsg as WeCom writes it: the text, a hint (the request's trace id), the caller's IP, and the link
	 * to the errcode's page, e.g. {@code "api freq out of limit, hint: [1651125626_12_0000...0c], from ip:
	 * 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=45009"}.
	 */
	static String errmsg(int errcode, String text) {
		long hint = HINTS.incrementAndGet();
		return text + ", hint: [" + Instant.now().getEpochSecond() + "_" + (hint % 100) + "_" + String.format("%032x", hint)
				+ "], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode;
	}

	/** The JSON of an error answer. */
	static String json(int errcode, String text) {
		return tools.jackson.databind.json.JsonMapper.shared()
			.createObjectNode()
			.put("errcode", errcode)
			.put("errmsg", errmsg(errcode, text))
			.toString();
	}

}

package dev.wxwork.client;

import tools.jackson.databind.JsonNode;

/**
 * The one place where a WeCom answer's {@code errcode} is read.
 */
public final class WxWorkResponses {

	private WxWorkResponses() {
	}

	/**
	 * Throws {@link WxWorkApiException} when the answer carries a non-zero {@code errcode}.
	 * @param body the parsed answer
	 * @param path the API path, for the exception; may be null
	 * @return the same body
	 */
	public static JsonNode check(JsonNode body, String path) {
		JsonNode errcode = body.get("errcode");
		if (errcode != null && errcode.isNumber() && errcode.asInt() != 0) {
			JsonNode errmsg = body.get("errmsg");
			throw new WxWorkApiException(errcode.asInt(), (errmsg != null) ? errmsg.asString() : null, path);
		}
		return body;
	}

}

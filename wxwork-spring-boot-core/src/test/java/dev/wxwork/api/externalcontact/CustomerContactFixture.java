package dev.wxwork.api.externalcontact;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.wxwork.testing.StandInAgent;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.test.WeComStandIn;

/**
 * A WeCom stand-in and a customer-contact agent (a secret without an agent id) that talks to it, for
 * the customer-contact API tests.
 */
public final class CustomerContactFixture implements AutoCloseable {

	private static final String PREFIX = "/cgi-bin/externalcontact/";

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent;

	public CustomerContactFixture() {
		this.agent = StandInAgent.of(this.wecom, null);
	}

	public WxWorkAgent agent() {
		return this.agent;
	}

	public WeComStandIn wecom() {
		return this.wecom;
	}

	/** Answers {@code /cgi-bin/externalcontact/<endpoint>} with errcode 0 and these fields (a JSON object body without braces, or empty). */
	public CustomerContactFixture respond(String endpoint, String fields) {
		String body = fields.isBlank() ? "" : "," + fields.strip();
		this.wecom.respond(PREFIX + endpoint, "{\"errcode\":0,\"errmsg\":\"ok\"" + body + "}");
		return this;
	}

	/** The JSON body of the last request to {@code /cgi-bin/externalcontact/<endpoint>}, as a tree. */
	public JsonNode sentBody(String endpoint) {
		WeComStandIn.RecordedRequest request = this.wecom.lastRequest(PREFIX + endpoint);
		if (!"POST".equals(request.method())) {
			throw new AssertionError("Expected a POST to " + endpoint + " but got a " + request.method());
		}
		return WxWorkJson.mapper().readTree(request.bodyText());
	}

	/** A query parameter of the last request to {@code /cgi-bin/externalcontact/<endpoint>}. */
	public String sentParam(String endpoint, String name) {
		return this.wecom.lastRequest(PREFIX + endpoint).param(name);
	}

	/** How many requests went to {@code /cgi-bin/externalcontact/<endpoint>}. */
	public int calls(String endpoint) {
		return this.wecom.requests(PREFIX + endpoint).size();
	}

	/** The JSON bodies of every request to the endpoint, oldest first. */
	public List<JsonNode> sentBodies(String endpoint) {
		return this.wecom.requests(PREFIX + endpoint)
			.stream()
			.map((request) -> WxWorkJson.mapper().readTree(request.bodyText()))
			.toList();
	}

	/** Parses expected JSON, to compare with {@link #sentBody} as a tree. */
	public static JsonNode json(String json) {
		return WxWorkJson.mapper().readTree(json);
	}

	@Override
	public void close() {
		this.wecom.close();
	}

}

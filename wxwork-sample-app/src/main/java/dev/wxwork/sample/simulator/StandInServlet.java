package dev.wxwork.sample.simulator;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;

/**
 * Serves the test kit's WeCom stand-in from this app under {@code /simulator/cgi-bin/*}: each request goes,
 * as it came, to {@link WeComStandIn#handle} (or, for the group robots' {@code /cgi-bin/webhook/*}, to
 * {@link WebhookStandIn#handle}), and the answer goes back as it is. A plain servlet, outside Spring MVC,
 * so that the stand-in reads every body itself, multipart uploads included. Like WeCom, the stand-in
 * answers HTTP 200 with an errcode for every API error.
 */
final class StandInServlet extends HttpServlet {

	private static final Log logger = LogFactory.getLog(StandInServlet.class);

	private final transient WeComStandIn wecom;

	private final transient WebhookStandIn robots;

	private final transient Map<String, Long> agentIdsBySecret;

	/**
	 * @param agentIdsBySecret the AgentId of each app's secret, to log which app got a token
	 */
	StandInServlet(WeComStandIn wecom, WebhookStandIn robots, Map<String, Long> agentIdsBySecret) {
		this.wecom = wecom;
		this.robots = robots;
		this.agentIdsBySecret = Map.copyOf(agentIdsBySecret);
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// mapped to /simulator/cgi-bin/*: the path info is the rest of WeCom's /cgi-bin/... path
		String path = "/cgi-bin" + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		WeComStandIn.RecordedRequest recorded = new WeComStandIn.RecordedRequest(request.getMethod(), path,
				WeComStandIn.query(request.getQueryString()), request.getContentType(),
				request.getInputStream().readAllBytes());
		WeComStandIn.Answer answer = path.startsWith("/cgi-bin/webhook/") ? this.robots.handle(recorded)
				: this.wecom.handle(recorded);
		if (path.equals("/cgi-bin/gettoken")) {
			logIssued(recorded, answer);
		}
		response.setStatus(answer.status());
		response.setContentType(answer.contentType());
		answer.headers().forEach(response::setHeader);
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	// Shows that the library caches tokens: one line per token issued, not per call (the token itself stays out).
	private void logIssued(WeComStandIn.RecordedRequest request, WeComStandIn.Answer answer) {
		JsonNode json = JsonMapper.shared().readTree(answer.bodyText());
		if (json.path("errcode").asInt(-1) == 0 && logger.isInfoEnabled()) {
			logger.info("Simulator: issued an access token for AgentId "
					+ this.agentIdsBySecret.get(request.param("corpsecret")) + ", valid "
					+ json.path("expires_in").asLong() + " s");
		}
	}

}

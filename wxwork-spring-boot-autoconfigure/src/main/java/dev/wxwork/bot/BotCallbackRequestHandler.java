package dev.wxwork.bot;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.HttpRequestHandler;

/**
 * Serves one {@link BotCallbackEndpoint} over Spring MVC: GET for URL verification, POST for callbacks.
 * The body is read here, never more than the endpoint's limit.
 */
public class BotCallbackRequestHandler implements HttpRequestHandler {

	private final BotCallbackEndpoint endpoint;

	private final ObservationRegistry observations;

	public BotCallbackRequestHandler(BotCallbackEndpoint endpoint) {
		this(endpoint, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each request is observed as {@code wxwork.bot.callbacks}, tagged with the
	 * bot, the HTTP method and the outcome (rejected, acknowledged, replied)
	 */
	public BotCallbackRequestHandler(BotCallbackEndpoint endpoint, ObservationRegistry observations) {
		this.endpoint = endpoint;
		this.observations = observations;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Observation observation = Observation.createNotStarted("wxwork.bot.callbacks", this.observations)
			.lowCardinalityKeyValue("bot", this.endpoint.botName())
			.lowCardinalityKeyValue("method", request.getMethod())
			.start();
		try {
			BotCallbackResponse answer = switch (request.getMethod()) {
				case "GET" -> verify(request);
				case "POST" -> receive(request);
				default -> this.endpoint.reject("HTTP method " + request.getMethod());
			};
			observation.lowCardinalityKeyValue("outcome", answer.outcome());
			write(answer, response);
		}
		finally {
			observation.stop();
		}
	}

	private static void write(BotCallbackResponse answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		byte[] body = answer.body();
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		response.setContentLength(body.length);
		if (body.length > 0) {
			response.getOutputStream().write(body);
		}
	}

	private BotCallbackResponse verify(HttpServletRequest request) {
		String[] query = query(request);
		if (query == null) {
			return this.endpoint.reject("the query string cannot be decoded");
		}
		// a '+' that was not percent-encoded arrives as a space; base64 never holds spaces
		String echostr = (query[3] != null) ? query[3].replace(' ', '+') : null;
		return this.endpoint.verify(query[0], query[1], query[2], echostr);
	}

	private BotCallbackResponse receive(HttpServletRequest request) {
		int limit = this.endpoint.maxBodySize();
		if (request.getContentLengthLong() > limit) {
			return this.endpoint.reject("the body is larger than " + limit + " bytes");
		}
		byte[] body;
		// the body is read before any parameter, so a form content type cannot make the container consume it
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(limit + 1);
		}
		catch (IOException ex) {
			return this.endpoint.reject("the body could not be read");
		}
		if (body.length > limit) {
			return this.endpoint.reject("the body is larger than " + limit + " bytes");
		}
		String[] query = query(request);
		if (query == null) {
			return this.endpoint.reject("the query string cannot be decoded");
		}
		return this.endpoint.receive(query[0], query[1], query[2], body);
	}

	/** msg_signature, timestamp, nonce and echostr, or null when the container cannot decode the query string. */
	private static String[] query(HttpServletRequest request) {
		try {
			return new String[] { request.getParameter("msg_signature"), request.getParameter("timestamp"),
					request.getParameter("nonce"), request.getParameter("echostr") };
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "BotCallbackRequestHandler[" + this.endpoint + "]";
	}

}

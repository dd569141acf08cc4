package dev.wxwork.callback;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.HttpRequestHandler;

/**
 * Serves one {@link CallbackEndpoint} over Spring MVC: GET for URL verification, POST for callbacks.
 * The body is read here, never more than the endpoint's limit.
 */
public class CallbackRequestHandler implements HttpRequestHandler {

	private final CallbackEndpoint endpoint;

	private final ObservationRegistry observations;

	public CallbackRequestHandler(CallbackEndpoint endpoint) {
		this(endpoint, ObservationRegistry.NOOP);
	}

	/**
	 * @param observations where each request is observed as {@code wxwork.callbacks}, tagged with the
	 * app, the HTTP method and the outcome (rejected, acknowledged, replied, failed, busy)
	 */
	public CallbackRequestHandler(CallbackEndpoint endpoint, ObservationRegistry observations) {
		this.endpoint = endpoint;
		this.observations = observations;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Observation observation = Observation.createNotStarted("wxwork.callbacks", this.observations)
			.lowCardinalityKeyValue("app", this.endpoint.agentName())
			.lowCardinalityKeyValue("method", request.getMethod())
			.start();
		try {
			CallbackResponse answer = switch (request.getMethod()) {
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

	private CallbackResponse verify(HttpServletRequest request) {
		Query query = Query.of(request);
		if (query == null) {
			return this.endpoint.reject("the query string cannot be decoded");
		}
		return this.endpoint.verify(query.signature(), query.timestamp(), query.nonce(), base64(query.echostr()));
	}

	private CallbackResponse receive(HttpServletRequest request) {
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
		Query query = Query.of(request);
		if (query == null) {
			return this.endpoint.reject("the query string cannot be decoded");
		}
		return this.endpoint.receive(query.signature(), query.timestamp(), query.nonce(), body);
	}

	private static String base64(String echostr) {
		// a '+' that was not percent-encoded arrives as a space; base64 never holds spaces
		return (echostr != null) ? echostr.replace(' ', '+') : null;
	}

	private static void write(CallbackResponse answer, HttpServletResponse response) throws IOException {
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

	/** The query parameters WeCom sends. */
	private record Query(String signature, String timestamp, String nonce, String echostr) {

		/** The parameters, or null when the container cannot decode the query string. */
		static Query of(HttpServletRequest request) {
			try {
				return new Query(request.getParameter("msg_signature"), request.getParameter("timestamp"),
						request.getParameter("nonce"), request.getParameter("echostr"));
			}
			catch (IllegalStateException ex) {
				// Servlet 6.1: a query string that cannot be decoded (bad escapes, not UTF-8, too many
				// parameters) throws here; left to the container it became a non-uniform error page
				return null;
			}
		}

	}

	@Override
	public String toString() {
		return "CallbackRequestHandler[" + this.endpoint + "]";
	}

}

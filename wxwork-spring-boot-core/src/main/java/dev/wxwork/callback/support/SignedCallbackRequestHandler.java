package dev.wxwork.callback.support;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.HttpRequestHandler;

/**
 * Serves one {@link SignedCallbackEndpoint} over Spring MVC: GET for URL verification, POST for
 * callbacks. The body is read here, never more than the endpoint's limit; each request is observed,
 * tagged with the endpoint, the HTTP method and the answer's outcome.
 */
public abstract class SignedCallbackRequestHandler implements HttpRequestHandler {

	private final SignedCallbackEndpoint<?> endpoint;

	private final ObservationRegistry observations;

	private final String observationName;

	private final String endpointKey;

	private final String endpointName;

	/**
	 * @param endpoint what is served
	 * @param observations where each request is observed
	 * @param observationName the name of the observation
	 * @param endpointKey the tag that names the endpoint (app, bot)
	 * @param endpointName its name
	 */
	protected SignedCallbackRequestHandler(SignedCallbackEndpoint<?> endpoint, ObservationRegistry observations,
			String observationName, String endpointKey, String endpointName) {
		this.endpoint = endpoint;
		this.observations = observations;
		this.observationName = observationName;
		this.endpointKey = endpointKey;
		this.endpointName = endpointName;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Observation observation = Observation.createNotStarted(this.observationName, this.observations)
			.lowCardinalityKeyValue(this.endpointKey, this.endpointName)
			.lowCardinalityKeyValue("method", request.getMethod())
			.start();
		try {
			CallbackAnswer answer = switch (request.getMethod()) {
				case "GET" -> verify(request);
				case "POST" -> receive(request);
				default -> this.endpoint.reject("HTTP method " + request.getMethod());
			};
			observation.lowCardinalityKeyValue("outcome", answer.outcome());
			answer.writeTo(response);
		}
		finally {
			observation.stop();
		}
	}

	private CallbackAnswer verify(HttpServletRequest request) {
		Query query = Query.of(request);
		if (query == null) {
			return this.endpoint.reject("the query string cannot be decoded");
		}
		return this.endpoint.verify(query.signature(), query.timestamp(), query.nonce(), base64(query.echostr()));
	}

	private CallbackAnswer receive(HttpServletRequest request) {
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

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.endpoint + "]";
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

}

package dev.wxwork.callback;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.HttpRequestHandler;

/**
 * Serves one {@link CallbackEndpoint} over Spring MVC: GET for URL verification, POST for callbacks.
 * The body is read here, never more than the endpoint's limit.
 */
public class CallbackRequestHandler implements HttpRequestHandler {

	private final CallbackEndpoint endpoint;

	public CallbackRequestHandler(CallbackEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		CallbackResponse answer = switch (request.getMethod()) {
			case "GET" -> this.endpoint.verify(request.getParameter("msg_signature"), request.getParameter("timestamp"),
					request.getParameter("nonce"), base64(request.getParameter("echostr")));
			case "POST" -> receive(request);
			default -> this.endpoint.reject("HTTP method " + request.getMethod());
		};
		write(answer, response);
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
		return this.endpoint.receive(request.getParameter("msg_signature"), request.getParameter("timestamp"),
				request.getParameter("nonce"), body);
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

	@Override
	public String toString() {
		return "CallbackRequestHandler[" + this.endpoint + "]";
	}

}

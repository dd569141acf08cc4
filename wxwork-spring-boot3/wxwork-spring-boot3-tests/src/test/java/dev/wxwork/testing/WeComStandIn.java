package dev.wxwork.testing;

// A frozen, Jackson-free copy of the stand-in as it was at 78290eb, for the Boot 3.5 smoke test only: the test
// kit (wxwork-spring-boot-test) needs Jackson 3, which a Boot 3.5 application with Boot's own Jackson 2 lacks.

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP stand-in for the WeCom server that behaves as {@code PROTOCOL.md} describes: gettoken
 * checks corp id and secret (40013, 40001), every other call checks its access token (41001 missing,
 * 40014 unknown, 42001 expired), tokens expire, WeCom can invalidate them early, and faults (-1,
 * 45009, ...) can be queued per path. It records every request so that tests can check what the
 * library sent.
 * <p>
 * Answers for API paths are registered with {@link #respond}; a path without one answers errcode
 * 404404, so that a test cannot pass by accident.
 */
public final class WeComStandIn implements AutoCloseable {

	/** A request as the stand-in received it. */
	public record RecordedRequest(String method, String path, Map<String, String> query, String contentType,
			byte[] body) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String param(String name) {
			return this.query.get(name);
		}

		/** The parts of a {@code multipart/form-data} body; fails when the body is not one. */
		public List<Part> parts() {
			return Part.parse(this.contentType, this.body);
		}

		/** The multipart part of this name; fails when there is none. */
		public Part part(String name) {
			return parts().stream()
				.filter((part) -> name.equals(part.name()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No multipart part named " + name + " in " + parts()));
		}

	}

	/** A part of a {@code multipart/form-data} request body: its headers (names lower-cased) and content. */
	public record Part(Map<String, String> headers, byte[] content) {

		/** A header's value, or null. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		/** The {@code name} parameter of the part's Content-Disposition. */
		public String name() {
			return dispositionParameter("name");
		}

		/** The {@code filename} parameter of the part's Content-Disposition, or null. */
		public String filename() {
			return dispositionParameter("filename");
		}

		/** A parameter of the part's Content-Disposition (quotes removed), or null. */
		public String dispositionParameter(String parameter) {
			String disposition = header("Content-Disposition");
			if (disposition == null) {
				return null;
			}
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile(";\\s*" + java.util.regex.Pattern.quote(parameter) + "=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;]*)")
				.matcher(disposition);
			if (!matcher.find()) {
				return null;
			}
			return (matcher.group(2) != null) ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(1).trim();
		}

		@Override
		public String toString() {
			return "Part[" + this.headers + ", " + this.content.length + " bytes]";
		}

		static List<Part> parse(String contentType, byte[] body) {
			if (contentType == null || !contentType.startsWith("multipart/form-data")) {
				throw new AssertionError("Not a multipart request: Content-Type " + contentType);
			}
			java.util.regex.Matcher boundaryMatch = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?")
				.matcher(contentType);
			if (!boundaryMatch.find()) {
				throw new AssertionError("No boundary in " + contentType);
			}
			byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
			List<Part> parts = new java.util.ArrayList<>();
			int position = indexOf(body, delimiter, 0);
			while (position >= 0) {
				int afterDelimiter = position + delimiter.length;
				if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
					return parts;
				}
				int headersStart = afterDelimiter + 2;
				int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
				int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
					.getBytes(StandardCharsets.ISO_8859_1), headersEnd);
				if (headersEnd < 0 || next < 0) {
					throw new AssertionError("Malformed multipart body");
				}
				Map<String, String> headers = new LinkedHashMap<>();
				for (String line : new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8)
					.split("\r\n")) {
					int colon = line.indexOf(':');
					headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
							line.substring(colon + 1).trim());
				}
				parts.add(new Part(headers, java.util.Arrays.copyOfRange(body, headersEnd + 4, next)));
				position = next + 2;
			}
			throw new AssertionError("Multipart body without closing delimiter");
		}

		private static int indexOf(byte[] data, byte[] pattern, int from) {
			outer: for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

	/** An answer: status, content type and body. */
	public record Answer(int status, String contentType, byte[] body) {

		public static Answer json(String json) {
			return new Answer(200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
		}

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(32);

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, Function<RecordedRequest, Answer>> routes = new ConcurrentHashMap<>();

	private final Map<String, Queue<Integer>> faults = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger gettokenCalls = new AtomicInteger();

	private final Map<String, AtomicInteger> tokenCallsBySecret = new ConcurrentHashMap<>();

	private volatile Duration tokenLifetime = Duration.ofSeconds(7200);

	private volatile Duration gettokenLatency = Duration.ZERO;

	private volatile Integer gettokenError;

	private final String corpId;

	public WeComStandIn(String corpId) {
		this.corpId = corpId;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		route("/cgi-bin/get_jsapi_ticket", (request) -> Answer.json(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"jsapi-" + UUID.randomUUID() + "\",\"expires_in\":7200}"));
		route("/cgi-bin/ticket/get", (request) -> Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\""
				+ request.param("type") + "-" + UUID.randomUUID() + "\",\"expires_in\":7200}"));
	}

	/** The base URL to configure as {@code wxwork.api-base-url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Accepts this secret in gettoken. */
	public WeComStandIn secret(String secret) {
		this.secrets.put(secret, secret);
		return this;
	}

	/** Forgets a secret, as when it is reset in the admin console: gettoken then answers 40001. */
	public WeComStandIn revokeSecret(String secret) {
		this.secrets.remove(secret);
		return this;
	}

	/** The lifetime ({@code expires_in}) of tokens issued from now on. */
	public WeComStandIn tokenLifetime(Duration lifetime) {
		this.tokenLifetime = lifetime;
		return this;
	}

	/** Makes gettoken slow, which widens the window for a stampede. */
	public WeComStandIn gettokenLatency(Duration latency) {
		this.gettokenLatency = latency;
		return this;
	}

	/**
	 * Makes every gettoken answer this errcode (such as 45009, rate-limited, or -1, busy) until it is
	 * called with null; the calls are still counted.
	 */
	public WeComStandIn gettokenError(Integer errcode) {
		this.gettokenError = errcode;
		return this;
	}

	/** Expires every issued token now, as WeCom may: calls with them answer 42001. */
	public void expireAllTokens() {
		this.tokens.replaceAll((token, expiry) -> Instant.EPOCH);
	}

	/** Forgets every issued token: calls with them answer 40014. */
	public void invalidateAllTokens() {
		this.tokens.clear();
	}

	/** How many gettoken calls the stand-in answered (successful or not). */
	public int gettokenCalls() {
		return this.gettokenCalls.get();
	}

	/** How many gettoken calls were made with this secret. */
	public int gettokenCalls(String secret) {
		AtomicInteger calls = this.tokenCallsBySecret.get(secret);
		return (calls != null) ? calls.get() : 0;
	}

	/** Answers calls to this path with this JSON. */
	public WeComStandIn respond(String path, String json) {
		return route(path, (request) -> Answer.json(json));
	}

	/** Answers calls to this path with what the function returns. */
	public WeComStandIn route(String path, Function<RecordedRequest, Answer> answer) {
		this.routes.put(path, answer);
		return this;
	}

	/** Adds this header to every answer of this path, errors included (such as a download's Content-Disposition). */
	public WeComStandIn responseHeader(String path, String name, String value) {
		this.responseHeaders.computeIfAbsent(path, (key) -> new ConcurrentHashMap<>()).put(name, value);
		return this;
	}

	/** The next calls to this path answer these errcodes, one call each, before the normal answer. */
	public WeComStandIn failNext(String path, Integer... errcodes) {
		this.faults.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).addAll(List.of(errcodes));
		return this;
	}

	/** Every request received so far, oldest first. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** Every request to this path so far, oldest first. */
	public List<RecordedRequest> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The latest request to this path; fails when there was none. */
	public RecordedRequest lastRequest(String path) {
		List<RecordedRequest> matching = requests(path);
		if (matching.isEmpty()) {
			throw new AssertionError("The stand-in received no request to " + path + "; it received "
					+ this.requests.stream().map(RecordedRequest::path).toList());
		}
		return matching.get(matching.size() - 1);
	}

	/** Forgets the recorded requests. */
	public void clearRequests() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestBody().readAllBytes());
			this.requests.add(request);
			Answer answer = answer(request);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			this.responseHeaders.getOrDefault(request.path(), Map.of())
				.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(answer.status(), answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	private Answer answer(RecordedRequest request) {
		if (request.path().equals("/cgi-bin/gettoken")) {
			return gettoken(request);
		}
		String token = request.param("access_token");
		if (token == null || token.isEmpty()) {
			return error(41001, "access_token missing");
		}
		Instant expiry = this.tokens.get(token);
		if (expiry == null) {
			return error(40014, "invalid access_token");
		}
		if (!Instant.now().isBefore(expiry)) {
			return error(42001, "access_token expired");
		}
		Queue<Integer> queued = this.faults.get(request.path());
		Integer fault = (queued != null) ? queued.poll() : null;
		if (fault != null) {
			return error(fault, "injected fault " + fault);
		}
		Function<RecordedRequest, Answer> route = this.routes.get(request.path());
		if (route == null) {
			return error(404404, "the stand-in has no answer for " + request.path());
		}
		return route.apply(request);
	}

	private Answer gettoken(RecordedRequest request) {
		this.gettokenCalls.incrementAndGet();
		String secret = request.param("corpsecret");
		if (secret != null) {
			this.tokenCallsBySecret.computeIfAbsent(secret, (key) -> new AtomicInteger()).incrementAndGet();
		}
		if (!this.gettokenLatency.isZero()) {
			try {
				Thread.sleep(this.gettokenLatency.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Integer scripted = this.gettokenError;
		if (scripted != null) {
			return error(scripted, "scripted gettoken error " + scripted);
		}
		if (!this.corpId.equals(request.param("corpid"))) {
			return error(40013, "invalid corpid");
		}
		if (secret == null || !this.secrets.containsKey(secret)) {
			return error(40001, "invalid credential");
		}
		String token = "token-" + UUID.randomUUID() + UUID.randomUUID();
		Duration lifetime = this.tokenLifetime;
		this.tokens.put(token, Instant.now().plus(lifetime));
		return Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":"
				+ lifetime.toSeconds() + "}");
	}

	private static Answer error(int errcode, String errmsg) {
		return Answer.json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
	}

	private static Map<String, String> query(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Map.of();
		}
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			params.put(name, value);
		}
		return Collections.unmodifiableMap(params);
	}

}

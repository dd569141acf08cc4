package dev.wxwork.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on a free loopback port, handing every request to a stand-in's
 * transport-independent {@code handle(request)}; or, for a stand-in that an application serves itself
 * ({@code embedded}), nothing at all.
 */
final class LoopbackServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private LoopbackServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** No server: the application serves the stand-in. */
	static LoopbackServer none() {
		return new LoopbackServer(null, null);
	}

	/** Starts a server with this many threads and this accept backlog. */
	static LoopbackServer start(int threads, int backlog, Function<WeComStandIn.RecordedRequest, WeComStandIn.Answer> handler) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
		}
		catch (IOException ex) {
			executor.shutdownNow();
			throw new IllegalStateException(ex);
		}
		server.setExecutor(executor);
		server.createContext("/", (exchange) -> exchange(exchange, handler));
		server.start();
		return new LoopbackServer(server, executor);
	}

	/** Such as {@code http://127.0.0.1:41234}; fails when there is no server of its own. */
	String baseUrl() {
		if (this.server == null) {
			throw new IllegalStateException("An embedded stand-in has no address of its own: the application serves it");
		}
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	private static void exchange(HttpExchange exchange, Function<WeComStandIn.RecordedRequest, WeComStandIn.Answer> handler)
			throws IOException {
		try (exchange) {
			WeComStandIn.RecordedRequest request = new WeComStandIn.RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					WeComStandIn.query(exchange.getRequestURI().getRawQuery()),
					exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
			write(exchange, handler.apply(request));
		}
	}

	private static void write(HttpExchange exchange, WeComStandIn.Answer answer) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(answer.status(), answer.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer.body());
		}
	}

}

package dev.wxwork.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;

import dev.wxwork.autoconfigure.WxWorkHttpClients;
import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.api.message.AppMessage;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.MemoryAccessTokenStore;
import dev.wxwork.token.TokenSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes over the wire, read by a raw local HTTP/1.1 server that keeps every request head as it
 * arrived: JSON bodies with a {@code Content-Length}, never chunked, no h2c upgrade, HTTP/1.1 towards a
 * plain-HTTP base URL, and no thread started per request.
 */
class HttpWireTest {

	private static final byte[] ANSWER = """
			{"errcode":0,"errmsg":"ok","access_token":"wire-token","expires_in":7200,"msgid":"m1"}"""
		.getBytes(StandardCharsets.UTF_8);

	private final ConcurrentLinkedQueue<Request> received = new ConcurrentLinkedQueue<>();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private ServerSocket server;

	private WxWorkAgent agent;

	record Request(String requestLine, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	@BeforeEach
	void start() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "raw-http-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		this.agent = agent(WxWorkHttpClients.defaultBuilder(baseUrl()));
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private WxWorkAgent agent(ClientHttpRequestFactoryBuilder<?> builder) {
		WxWorkRequestFactories factories = WxWorkHttpClients.create(baseUrl(),
				Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofMinutes(1), List.of((defaults) -> builder));
		WxWorkHttpClient http = new WxWorkHttpClient(baseUrl(), factories, RetryPolicy.defaults(),
				WxWorkHttpClient.DEFAULT_DUPLICATE_CHECK_INTERVAL, ObservationRegistry.NOOP);
		return new WxWorkAgent("wire", 1000002L, "corp1", "s3cr3t", http, new MemoryAccessTokenStore(),
				new CredentialKeys("wire"), TokenSettings.defaults(), Clock.systemUTC());
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
		for (Socket connection : this.connections) {
			connection.close();
		}
	}

	@Test
	void jsonBodiesGoOutWithContentLengthOnHttp11WithoutUpgrade() {
		assertWire(this.agent);
	}

	@Test
	void theJdkClientSendsTheSameWire() {
		assertWire(agent(WxWorkHttpClients.jdkBuilder(baseUrl())));
	}

	private void assertWire(WxWorkAgent agent) {
		for (int i = 0; i < 20; i++) {
			agent.messages().send(AppMessage.text("第 " + i + " 条").toUsers("zhangsan").build());
		}
		List<Request> sends = sends();
		assertThat(sends).hasSize(20).allSatisfy((request) -> {
			assertThat(request.requestLine()).startsWith("POST /cgi-bin/message/send?access_token=wire-token")
				.endsWith(" HTTP/1.1");
			assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().length));
			assertThat(request.header("Transfer-Encoding")).isNull();
			assertThat(request.header("Upgrade")).isNull();
			assertThat(request.header("HTTP2-Settings")).isNull();
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"touser\":\"zhangsan\"");
		});
	}

	@Test
	void noThreadIsStartedPerRequest() {
		for (int i = 0; i < 10; i++) {
			this.agent.messages().send(AppMessage.text("warm-up " + i).toUsers("zhangsan").build());
		}
		long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
		int calls = 300;
		for (int i = 0; i < calls; i++) {
			this.agent.messages().send(AppMessage.text("message " + i).toUsers("zhangsan").build());
		}
		long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
		assertThat(sends()).hasSize(calls + 10);
		// Spring's JDK request factory starts a thread per request by default, and the JDK's sendAsync
		// another one on machines with two CPUs or fewer: that would be 300 or 600 here
		assertThat(started).as("threads started during %d calls", calls).isLessThan(calls / 3);
	}

	private List<Request> sends() {
		return this.received.stream().filter((request) -> request.requestLine().contains("/cgi-bin/message/send")).toList();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket connection = this.server.accept();
				this.connections.add(connection);
				Thread reader = new Thread(() -> serve(connection), "raw-http-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	// One connection, kept alive: read each request head and body (by Content-Length or chunks), answer.
	private void serve(Socket connection) {
		try (connection; InputStream in = new java.io.BufferedInputStream(connection.getInputStream());
				OutputStream out = connection.getOutputStream()) {
			connection.setTcpNoDelay(true);
			while (true) {
				String requestLine = line(in);
				if (requestLine == null) {
					return;
				}
				Map<String, String> headers = new java.util.LinkedHashMap<>();
				for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
					int colon = header.indexOf(':');
					headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
				}
				byte[] body;
				if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
					body = chunked(in);
				}
				else {
					body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
				}
				this.received.add(new Request(requestLine, headers, body));
				ByteArrayOutputStream answer = new ByteArrayOutputStream();
				answer.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + ANSWER.length
						+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				answer.write(ANSWER);
				out.write(answer.toByteArray());
				out.flush();
			}
		}
		catch (IOException ex) {
			// connection closed
		}
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
			if (size == 0) {
				line(in);
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		List<Byte> bytes = new ArrayList<>();
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				byte[] array = new byte[bytes.size()];
				for (int i = 0; i < array.length; i++) {
					array[i] = bytes.get(i);
				}
				String text = new String(array, StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			bytes.add((byte) b);
		}
		return bytes.isEmpty() ? null : new String(new byte[0], StandardCharsets.ISO_8859_1);
	}

}

package dev.wxwork.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forwarding proxy on a loopback port for tests: {@code CONNECT host:port} tunnels and plain-HTTP
 * requests in absolute form, with optional Basic proxy authentication (407 without credentials). It records
 * every request head it reads and every byte a client sent through a tunnel.
 */
final class ForwardingProxy implements Closeable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final String expectedAuthorization;

	private final Queue<String> heads = new ConcurrentLinkedQueue<>();

	private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();

	private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();

	/** A proxy that asks for these credentials, or for none when {@code username} is null. */
	ForwardingProxy(String username, String password) throws IOException {
		this.expectedAuthorization = (username != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Every request head the proxy read, in order: request line and headers. */
	List<String> heads() {
		return new ArrayList<>(this.heads);
	}

	/** The status the proxy answered each head with (200 for an established tunnel), in order. */
	List<Integer> answers() {
		return new ArrayList<>(this.answers);
	}

	/** Every byte clients sent through tunnels, as ISO-8859-1 text. */
	String tunnelledBytes() {
		synchronized (this.tunnelled) {
			return this.tunnelled.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			while (true) {
				String head = readHead(in);
				if (head == null) {
					return;
				}
				this.heads.add(head);
				String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
				int contentLength = contentLength(head);
				if (this.expectedAuthorization != null && !this.expectedAuthorization.equals(header(head, "proxy-authorization"))) {
					in.readNBytes(contentLength);
					this.answers.add(407);
					out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
							+ "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					continue;
				}
				if (requestLine[0].equals("CONNECT")) {
					tunnel(client, requestLine[1]);
				}
				else {
					forward(client, requestLine, head, in.readNBytes(contentLength));
				}
				return;
			}
		}
		catch (IOException ex) {
			// the client or target went away
		}
	}

	private void tunnel(Socket client, String authority) throws IOException {
		int colon = authority.lastIndexOf(':');
		try (Socket target = new Socket()) {
			target.connect(new InetSocketAddress(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1))));
			this.sockets.add(target);
			this.answers.add(200);
			client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			client.getOutputStream().flush();
			this.threads.execute(() -> pipe(target, client, null));
			pipe(client, target, this.tunnelled);
		}
	}

	private void forward(Socket client, String[] requestLine, String head, byte[] body) throws IOException {
		URI uri = URI.create(requestLine[1]);
		StringBuilder request = new StringBuilder(requestLine[0]).append(' ').append(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			request.append('?').append(uri.getRawQuery());
		}
		request.append(" HTTP/1.1\r\n");
		for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
			String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
			if (!line.isEmpty() && !name.startsWith("proxy-") && !name.equals("connection")) {
				request.append(line).append("\r\n");
			}
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
			this.answers.add(0);
			target.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			target.getOutputStream().write(body);
			target.getOutputStream().flush();
			target.getInputStream().transferTo(client.getOutputStream());
			client.getOutputStream().flush();
		}
	}

	private void pipe(Socket from, Socket to, ByteArrayOutputStream record) {
		byte[] buffer = new byte[8192];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (record != null) {
					synchronized (record) {
						record.write(buffer, 0, read);
					}
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// closed
		}
		finally {
			try {
				to.shutdownOutput();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	static String header(String head, String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

	private static int contentLength(String head) {
		String value = header(head, "content-length");
		return (value != null) ? Integer.parseInt(value) : 0;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.threads.shutdownNow();
	}

}

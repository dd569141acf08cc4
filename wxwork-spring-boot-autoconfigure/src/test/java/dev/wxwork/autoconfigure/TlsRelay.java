package dev.wxwork.autoconfigure;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * An https front for a plain-HTTP stand-in on a loopback port: terminates TLS with a self-signed
 * certificate for 127.0.0.1 (made by {@code keytool}) and relays the bytes to the stand-in.
 */
final class TlsRelay implements Closeable {

	private static final String PASSWORD = "changeit";

	private final SSLServerSocket server;

	private final Path certificate;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();

	TlsRelay(Path directory, int targetPort) throws Exception {
		Path keyStore = directory.resolve("wecom.p12");
		this.certificate = directory.resolve("wecom.pem");
		keytool("-genkeypair", "-alias", "wecom", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "wecom", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", this.certificate.toString());
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD.toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), null, null);
		this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(() -> accept(targetPort));
	}

	/** The self-signed certificate, PEM, for an SSL bundle's trust store. */
	Path certificate() {
		return this.certificate;
	}

	String baseUrl() {
		return "https://127.0.0.1:" + this.server.getLocalPort();
	}

	private void accept(int targetPort) {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				this.threads.execute(() -> pipe(client, target));
				this.threads.execute(() -> pipe(target, client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// closed
		}
		finally {
			try {
				to.close();
				from.close();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void keytool(String... arguments) throws Exception {
		String[] command = new String[arguments.length + 1];
		command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("keytool failed: " + output);
		}
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

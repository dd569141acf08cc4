package dev.wxwork.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real {@code redis-server} process on a free loopback port, for tests. It is never a mock: the
 * binary must be installed ({@code .ci/run} installs it from Debian), and a test that needs it fails
 * when it is missing instead of being skipped.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/** Starts a new server on a free port. */
	public static RedisServer start() {
		RedisServer server = new RedisServer(freePort());
		server.startProcess();
		return server;
	}

	public int port() {
		return this.port;
	}

	/** A new connection factory to this server, as one instance of a service would have. */
	public LettuceConnectionFactory newConnectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * A new connection factory with Spring Boot's default client settings: no
	 * {@code spring.data.redis.timeout}, so Lettuce's command timeout is its default of 60 s.
	 */
	public LettuceConnectionFactory newDefaultConnectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port), LettuceClientConfiguration.defaultConfiguration());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Freezes the process (SIGSTOP): connections stay open and commands are accepted by the kernel but
	 * never answered, as with a hung server, a failover or a full network buffer.
	 */
	public void hang() {
		signal("STOP");
	}

	/**
	 * Lets a {@link #hang() hung} server run again (SIGCONT); it answers what it received meanwhile. Does
	 * nothing when the server is not running.
	 */
	public void resume() {
		if (this.process != null && this.process.isAlive()) {
			signal("CONT");
		}
	}

	/** Kills the process (SIGKILL), as a crash would: no clean shutdown, connections reset. */
	public void kill() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				resume();
			}
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	private void signal(String name) {
		if (this.process == null) {
			throw new IllegalStateException("redis-server is not running");
		}
		try {
			int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(this.process.pid())).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + name + " failed with " + exit);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends one command with redis-cli and returns its output. */
	public String cli(String... command) {
		List<String> args = new java.util.ArrayList<>(List.of(binary("redis-cli"), "-p", String.valueOf(this.port)));
		args.addAll(List.of(command));
		try {
			Process cli = new ProcessBuilder(args).redirectErrorStream(true).start();
			String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			cli.waitFor();
			return out.trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the server, as when Redis goes down. */
	public void stop() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				resume();
			}
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** Starts it again on the same port, empty, as after a restart without persistence. */
	public void restart() {
		stop();
		startProcess();
	}

	@Override
	public void close() {
		stop();
	}

	private void startProcess() {
		try {
			Path dir = Files.createTempDirectory("redis-test");
			this.process = new ProcessBuilder(binary("redis-server"), "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start redis-server; install it (apt-get install -y redis-server)",
					ex);
		}
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] reply = new byte[7];
				if (socket.getInputStream().read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("redis-server did not start on port " + this.port);
	}

	private static String binary(String name) {
		for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
			File file = new File(dir, name);
			if (file.canExecute()) {
				return file.getPath();
			}
		}
		throw new IllegalStateException(name + " is not installed; install it with: apt-get install -y redis-server");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.wxwork.sample;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, for the integration tests;
 * killed on {@link #close()} and when the test JVM is stopped.
 */
final class RedisServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path dir;

	private RedisServerProcess(Process process, int port, Path dir) {
		this.process = process;
		this.port = port;
		this.dir = dir;
	}

	/** Starts one and waits until it answers PING; its output goes to {@code target/<logName>}. */
	static RedisServerProcess start(String logName) throws Exception {
		String binary = installed("redis-server");
		int port = SampleAppProcess.freePort();
		Path dir = Files.createTempDirectory("sample-redis");
		Path log = SampleAppProcess.logFile(logName);
		Process process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no", "--dir", dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		RedisServerProcess redis = new RedisServerProcess(process, port, dir);
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			assertThat(process.isAlive()).as("redis-server is running; see " + log.toAbsolutePath()).isTrue();
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(2000);
				socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] reply = new byte[5];
				if (socket.getInputStream().read(reply) == 5 && "+PONG".equals(new String(reply, StandardCharsets.US_ASCII))) {
					return redis;
				}
			}
			catch (IOException notYetListening) {
				// still starting
			}
			assertThat(Instant.now()).as("redis-server answered PING within 10 s; see " + log.toAbsolutePath()).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	int port() {
		return this.port;
	}

	/** Runs redis-cli against this server and answers its output lines (raw, as when not on a terminal). */
	List<String> cli(String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(installed("redis-cli"), "-h", "127.0.0.1", "-p", String.valueOf(this.port)));
		args.addAll(List.of(command));
		Process cli = new ProcessBuilder(args).redirectErrorStream(true).start();
		try {
			String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(cli.waitFor(10, TimeUnit.SECONDS)).as("redis-cli " + command[0] + " finished").isTrue();
			assertThat(cli.exitValue()).as("redis-cli " + command[0] + " exit code").isZero();
			return output.lines().filter((line) -> !line.isEmpty()).toList();
		}
		finally {
			cli.destroyForcibly();
		}
	}

	@Override
	public void close() throws IOException {
		SampleAppProcess.stop(this.process);
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private static String installed(String name) {
		File binary = new File("/usr/bin", name);
		assertThat(binary.canExecute())
			.as(binary + " is installed (this test needs a real Redis; install it with: apt-get install -y redis-server)")
			.isTrue();
		return binary.getPath();
	}

}

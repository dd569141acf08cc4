package dev.wxwork.sample;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample jar running in its own JVM on a free port, as a newcomer starts it, for the
 * integration tests. It is killed on {@link #close()}, and when the test JVM itself is stopped.
 */
final class SampleAppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Set<Integer> TAKEN_PORTS = new HashSet<>();

	private final Process process;

	private final String baseUrl;

	private final Path log;

	private SampleAppProcess(Process process, String baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	/**
	 * Starts the jar named by the {@code sample.jar} system property (set by the failsafe plugin) with
	 * these arguments and {@code --server.port} of a free port; its output goes to {@code target/<logName>}.
	 */
	static SampleAppProcess start(String logName, String... arguments) throws IOException {
		return start(logName, List.of(), arguments);
	}

	/**
	 * Like {@link #start(String, String...)}, with these JVM options (such as {@code -Dspring.aot.enabled=true})
	 * before {@code -jar}.
	 */
	static SampleAppProcess start(String logName, List<String> jvmOptions, String... arguments) throws IOException {
		String jar = System.getProperty("sample.jar");
		assertThat(jar).as("the sample.jar system property (set by the failsafe plugin)").isNotBlank();
		assertThat(new File(jar)).as("the packaged jar").isFile();
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar, "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = logFile(logName);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// Killed even when the test JVM is stopped from outside.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new SampleAppProcess(process, "http://127.0.0.1:" + port, log);
	}

	/** Waits until the app answers, failing when it died or the deadline passed. */
	SampleAppProcess awaitStarted(Instant deadline) throws Exception {
		while (true) {
			assertThat(this.process.isAlive()).as("the app at " + this.baseUrl + " is running; see " + this.log.toAbsolutePath())
				.isTrue();
			try {
				// The port was free when picked, but another process may have taken it since: only this
				// process's own log proves that the answer comes from it.
				if (get("/events").statusCode() == 200 && listensOnItsPort()) {
					return this;
				}
			}
			catch (IOException notYetListening) {
				// still starting
			}
			assertThat(Instant.now()).as("the app at " + this.baseUrl + " started in time; see " + this.log.toAbsolutePath())
				.isBefore(deadline);
			Thread.sleep(250);
		}
	}

	private boolean listensOnItsPort() throws IOException {
		String port = this.baseUrl.substring(this.baseUrl.lastIndexOf(':') + 1);
		return Files.readString(this.log, StandardCharsets.UTF_8).contains("started on port " + port + " ");
	}

	/** Such as {@code http://127.0.0.1:41234}. */
	String baseUrl() {
		return this.baseUrl;
	}

	/** The process id, which is part of the app's consumer name in a Redis consumer group. */
	long pid() {
		return this.process.pid();
	}

	/** Where the app's output goes. */
	Path log() {
		return this.log;
	}

	/** {@code kill -9}: the app gets no chance to finish anything. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("the app died after SIGKILL").isTrue();
	}

	/** SIGTERM, as an orchestrator stops an app, and waits for the app to exit; its exit code. */
	int terminate(Duration timeout) throws InterruptedException {
		this.process.destroy();
		assertThat(this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
			.as("the app exited within " + timeout + " after SIGTERM; see " + this.log.toAbsolutePath())
			.isTrue();
		return this.process.exitValue();
	}

	/** GET of a path of this app. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** POST of JSON to a path of this app. */
	HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return post(path, "application/json", json);
	}

	/** POST of a body of that type to a path (with its query string) of this app. */
	HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		stop(this.process);
	}

	/** Stops a process the tests started: SIGTERM, then SIGKILL when it is still alive after 15 s. */
	static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** A file under {@code target} for a process's output. */
	static Path logFile(String name) throws IOException {
		Path log = Path.of("target", name);
		Files.createDirectories(log.getParent());
		return log;
	}

	/** A free port, never one handed out before in this JVM (the OS may offer a just-closed port again). */
	static synchronized int freePort() throws IOException {
		while (true) {
			try (ServerSocket socket = new ServerSocket(0)) {
				if (TAKEN_PORTS.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
		}
	}

}

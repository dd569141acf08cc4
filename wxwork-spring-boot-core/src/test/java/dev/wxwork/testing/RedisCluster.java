package dev.wxwork.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis Cluster of three masters ({@code redis-server --cluster-enabled yes} on free loopback
 * ports, joined with {@code redis-cli --cluster create}), for tests. Like {@link RedisServer} it is never
 * a mock, and a test that needs it fails when the binaries are missing.
 */
public final class RedisCluster implements AutoCloseable {

	private static final int MASTERS = 3;

	private final List<Integer> ports = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private RedisCluster() {
	}

	/** Starts three masters, creates the cluster and waits until every node reports it ok. */
	public static RedisCluster start() {
		RedisCluster cluster = new RedisCluster();
		try {
			cluster.startNodes();
			cluster.create();
			cluster.awaitOk();
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/** The nodes' ports. */
	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/**
	 * A new cluster connection factory with Spring Boot's default client settings (no
	 * {@code spring.data.redis.timeout}), as one instance of a service would have.
	 */
	public LettuceConnectionFactory newConnectionFactory() {
		List<String> nodes = this.ports.stream().map((port) -> "127.0.0.1:" + port).toList();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes),
				LettuceClientConfiguration.defaultConfiguration());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Sends one command with {@code redis-cli -c} (following redirects) through the first node. */
	public String cli(String... command) {
		return run(cliCommand(this.ports.get(0), command));
	}

	/** Sends one command with {@code redis-cli} to one node (no redirects: node-local commands such as INFO). */
	public String cli(int port, String... command) {
		List<String> args = new ArrayList<>(List.of(binary("redis-cli"), "-p", String.valueOf(port)));
		args.addAll(List.of(command));
		return run(args);
	}

	/** Deletes every key on every node. */
	public void flushAll() {
		this.ports.forEach((port) -> cli(port, "FLUSHALL"));
	}

	/** The port of the node that serves {@code key}'s hash slot. */
	public int nodeOf(String key) {
		int slot = Integer.parseInt(cli("CLUSTER", "KEYSLOT", key));
		for (String line : cli("CLUSTER", "NODES").lines().toList()) {
			if (servesSlot(line, slot)) {
				String address = line.split(" ")[1];
				return Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
			}
		}
		throw new IllegalStateException("No node serves slot " + slot);
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.processes.clear();
	}

	private static boolean servesSlot(String nodesLine, int slot) {
		String[] fields = nodesLine.split(" ");
		for (int i = 8; i < fields.length; i++) {
			String range = fields[i];
			if (range.startsWith("[")) {
				continue;
			}
			int dash = range.indexOf('-');
			int from = Integer.parseInt((dash < 0) ? range : range.substring(0, dash));
			int to = (dash < 0) ? from : Integer.parseInt(range.substring(dash + 1));
			if (slot >= from && slot <= to) {
				return true;
			}
		}
		return false;
	}

	private void startNodes() {
		for (int i = 0; i < MASTERS; i++) {
			int port = freeClusterPort();
			try {
				Path dir = Files.createTempDirectory("redis-cluster-test");
				Process process = new ProcessBuilder(binary("redis-server"), "--port", String.valueOf(port), "--bind",
						"127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
						"--cluster-node-timeout", "5000", "--save", "", "--appendonly", "no", "--dir", dir.toString())
					.redirectErrorStream(true)
					.redirectOutput(dir.resolve("redis.log").toFile())
					.start();
				this.processes.add(process);
				this.ports.add(port);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"Could not start redis-server; install it (apt-get install -y redis-server)", ex);
			}
		}
		for (int port : this.ports) {
			awaitPong(port);
		}
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "--cluster", "create"));
		this.ports.forEach((port) -> command.add("127.0.0.1:" + port));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		String out = run(command);
		if (!out.contains("[OK] All 16384 slots covered")) {
			throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
		}
	}

	private void awaitOk() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			boolean allOk = true;
			for (int port : this.ports) {
				if (!run(cliCommand(port, "CLUSTER", "INFO")).contains("cluster_state:ok")) {
					allOk = false;
				}
			}
			if (allOk) {
				return;
			}
			sleep(100);
		}
		throw new IllegalStateException("The Redis Cluster did not become ok");
	}

	private static void awaitPong(int port) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			if (run(cliCommand(port, "PING")).equals("PONG")) {
				return;
			}
			sleep(50);
		}
		throw new IllegalStateException("redis-server did not start on port " + port);
	}

	private static List<String> cliCommand(int port, String... command) {
		List<String> args = new ArrayList<>(List.of(binary("redis-cli"), "-c", "-p", String.valueOf(port)));
		args.addAll(List.of(command));
		return args;
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

	/** A free port whose cluster bus port (port + 10000) is free too. */
	private static int freeClusterPort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (port + 10000 > 65535) {
					continue;
				}
				try (ServerSocket bus = new ServerSocket(port + 10000)) {
					return port;
				}
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("No free port pair for a Redis Cluster node");
	}

}

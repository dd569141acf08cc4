package dev.wxwork.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable async callbacks across real processes: instances of the packaged jar on one real
 * {@code redis-server}, all sending through ONE simulated WeCom, another process of the jar that stays up
 * whichever instance dies (so the welcomes it counts survive the instance that sent them). An instance A
 * acknowledges a few hundred {@code create_user} events, whose welcome sends are slowed down so that work is
 * in flight; then A is killed (SIGKILL) or stopped (SIGTERM), and the others (B at least) must finish every one.
 */
class SampleDurableCallbacksIT {

	private static final String STREAM = "wxwork:{wx5823bf96d3bd56c7:demo}:callbacks";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// four JVMs start side by side: generous on a loaded two-core machine
	private static final Duration STARTUP = Duration.ofSeconds(300);

	private static final Duration CLAIM_IDLE_TIMEOUT = Duration.ofSeconds(3);

	private static final Pattern CLAIMED = Pattern.compile("Claimed (\\d+) async callbacks");

	private static RedisServerProcess redis;

	private static SampleAppProcess wecom;

	private static SampleAppProcess b;

	// A to be killed, and A to be stopped: started with the others, so that the JVMs start side by side
	private static SampleAppProcess killed;

	private static SampleAppProcess stopped;

	@BeforeAll
	static void startRedisWeComAndTheInstances() throws Exception {
		redis = RedisServerProcess.start("sample-durable-it-redis.log");
		// The simulated WeCom: a welcome takes 300 ms to send, so that instances hold work when they die.
		wecom = SampleAppProcess.start("sample-durable-it-wecom.log", "--sample.simulator.send-latency=300ms");
		b = instance("sample-durable-it-b.log");
		killed = instance("sample-durable-it-a-killed.log");
		stopped = instance("sample-durable-it-a-stopped.log");
		Instant deadline = Instant.now().plus(STARTUP);
		for (SampleAppProcess app : List.of(wecom, b, killed, stopped)) {
			app.awaitStarted(deadline);
		}
	}

	@AfterAll
	static void stopEverything() throws Exception {
		try {
			close(b);
			close(killed);
			close(stopped);
		}
		finally {
			try {
				close(wecom);
			}
			finally {
				if (redis != null) {
					redis.close();
				}
			}
		}
	}

	@Test
	void workAcknowledgedByAnInstanceThatIsKilledIsFinishedByTheOther() throws Exception {
		SampleAppProcess a = killed;
		int members = 300;
		pushCreateUserEvents(a, "k", members);
		long pendingOnA = awaitPendingOn(a);
		long claimsBefore = claims();
		Instant killedAt = Instant.now();
		a.kill();

		Instant claimed = null;
		Instant deadline = killedAt.plusSeconds(180);
		Map<String, Long> welcomes = welcomes("k");
		while (welcomes.size() < members && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			if (claimed == null && claims() > claimsBefore) {
				claimed = Instant.now();
			}
			welcomes = welcomes("k");
		}
		long claimedEntries = claims() - claimsBefore;
		if (claimed == null && claimedEntries > 0) {
			claimed = Instant.now();
		}
		Instant done = Instant.now();
		long doubled = welcomes.values().stream().filter((count) -> count > 1).count();
		System.out.printf("DURABLE kill -9: %d acknowledged, %d welcomed, %d twice, %d lost; %d pending on A before the kill, "
				+ "%d claimed by survivors %d ms after the kill (claim-idle-timeout %s); all welcomed %d ms after the kill%n",
				members, welcomes.size(), doubled, members - welcomes.size(), pendingOnA, claimedEntries,
				(claimed != null) ? Duration.between(killedAt, claimed).toMillis() : -1, CLAIM_IDLE_TIMEOUT,
				Duration.between(killedAt, done).toMillis());

		assertThat(welcomes).as("members welcomed; see " + b.log().toAbsolutePath()).hasSize(members);
		assertThat(claimed).as("a surviving instance logged that it claimed what A left pending").isNotNull();
		// only entries claimed from A (what it held when it died) may run twice: at least once, not at least twice
		assertThat(doubled).as("members welcomed twice").isLessThanOrEqualTo(claimedEntries);
		assertThat(redis.cli("XLEN", STREAM)).as("entries left in the stream").containsExactly("0");
	}

	@Test
	void sigtermWithWorkInFlightLosesNothingAcknowledgedAndRunsNothingTwice() throws Exception {
		SampleAppProcess a = stopped;
		int members = 100;
		pushCreateUserEvents(a, "t", members);
		awaitPendingOn(a);
		int exitCode = a.terminate(Duration.ofSeconds(60));
		assertThat(exitCode).as("A's exit code after SIGTERM; see " + a.log().toAbsolutePath()).isIn(0, 143);

		Instant deadline = Instant.now().plusSeconds(120);
		Map<String, Long> welcomes = welcomes("t");
		while (welcomes.size() < members && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			welcomes = welcomes("t");
		}
		assertThat(welcomes).as("members welcomed; see " + b.log().toAbsolutePath()).hasSize(members);
		// A finished what it was running before Redis went away, and acknowledged it: nothing ran twice
		assertThat(welcomes).allSatisfy((member, count) -> assertThat(count).as("welcomes to " + member).isOne());
		String log = Files.readString(a.log(), StandardCharsets.UTF_8);
		assertThat(log).as("A's log after SIGTERM").doesNotContain("STOPPED").doesNotContain("gave up on");
	}

	private static SampleAppProcess instance(String logName) throws Exception {
		return SampleAppProcess.start(logName, "--wxwork.token-store=redis", "--spring.data.redis.port=" + redis.port(),
				"--wxwork.api-base-url=" + wecom.baseUrl() + "/simulator",
				"--wxwork.callback.async.claim-idle-timeout=" + CLAIM_IDLE_TIMEOUT.toMillis() + "ms",
				// generous on a loaded machine: a handler still running after it would run again elsewhere
				"--wxwork.callback.async-shutdown-timeout=30s");
	}

	/** Pushes members {@code <prefix>001...}, each acknowledged by the instance; every tenth has no Name. */
	private static void pushCreateUserEvents(SampleAppProcess to, String prefix, int members) throws Exception {
		for (int i = 1; i <= members; i++) {
			String userId = prefix + String.format("%03d", i);
			ObjectNode event = JSON.createObjectNode()
				.put("msgType", "event")
				.put("event", "change_contact")
				.put("changeType", "create_user")
				.put("userId", userId)
				.put("target", to.baseUrl());
			if (i % 10 != 0) {
				event.put("name", "Member " + userId);
			}
			HttpResponse<String> response = wecom.postJson("/simulator/push", JSON.writeValueAsString(event));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).path("status").asInt()).as("the instance's answer to " + userId)
				.isEqualTo(200);
		}
	}

	/** Waits until A's consumer holds entries (it runs them), and answers how many. */
	private static long awaitPendingOn(SampleAppProcess a) throws Exception {
		String consumer = "-" + a.pid() + "-";
		Instant deadline = Instant.now().plusSeconds(30);
		while (true) {
			List<String> lines = redis.cli("XINFO", "CONSUMERS", STREAM, "wxwork-callbacks");
			String name = null;
			for (int i = 0; i + 1 < lines.size(); i++) {
				if (lines.get(i).equals("name")) {
					name = lines.get(i + 1);
				}
				else if (lines.get(i).equals("pending") && name != null && name.contains(consumer)) {
					long pending = Long.parseLong(lines.get(i + 1));
					if (pending > 0) {
						return pending;
					}
				}
			}
			assertThat(Instant.now()).as("A holds pending entries: " + lines).isBefore(deadline);
			Thread.sleep(20);
		}
	}

	/** Welcomes the one simulated WeCom accepted, per member of the prefix; checked against the member's Name. */
	private static Map<String, Long> welcomes(String prefix) throws Exception {
		HttpResponse<String> response = wecom.get("/simulator/deliveries");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Long> counts = new HashMap<>();
		for (JsonNode delivery : JSON.readTree(response.body())) {
			String member = delivery.path("toUser").asString();
			if (member.startsWith(prefix) && member.length() == prefix.length() + 3) {
				int number = Integer.parseInt(member.substring(prefix.length()));
				String expected = "welcome, " + ((number % 10 != 0) ? "Member " + member : member);
				assertThat(delivery.path("content").asString()).as("the welcome to " + member).isEqualTo(expected);
				counts.merge(member, delivery.path("count").asLong(), Long::sum);
			}
		}
		return counts;
	}

	/** How many entries left pending by another instance the instances logged that they claimed. */
	private static long claims() throws Exception {
		long claims = 0;
		for (SampleAppProcess instance : List.of(b, killed, stopped)) {
			Matcher claim = CLAIMED.matcher(Files.readString(instance.log(), StandardCharsets.UTF_8));
			while (claim.find()) {
				claims += Long.parseLong(claim.group(1));
			}
		}
		return claims;
	}

	private static void close(SampleAppProcess app) {
		if (app != null) {
			app.close();
		}
	}

}

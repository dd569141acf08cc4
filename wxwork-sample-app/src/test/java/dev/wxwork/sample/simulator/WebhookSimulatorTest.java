package dev.wxwork.sample.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSimulatorTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final WebhookSimulator simulator = new WebhookSimulator(Set.of("key-1", "key-2"), this.clock);

	@Test
	void postsMarkdownForAConfiguredKey() {
		assertThat(this.simulator.send("key-1", markdown("**hi**"))).containsEntry("errcode", 0);
		assertThat(this.simulator.posted()).singleElement()
			.satisfies((posted) -> assertThat(posted).containsEntry("msgtype", "markdown"));
	}

	@Test
	void refusesAnUnknownKeyWith93000() {
		assertThat(this.simulator.send("other", markdown("hi"))).containsEntry("errcode", 93000);
		assertThat(this.simulator.send(null, markdown("hi"))).containsEntry("errcode", 93000);
		assertThat(this.simulator.posted()).isEmpty();
	}

	@Test
	void refusesTheTwentyFirstMessageInAMinutePerRobotWith45009() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.simulator.send("key-1", markdown("m" + i))).containsEntry("errcode", 0);
		}
		assertThat(this.simulator.send("key-1", markdown("m20"))).containsEntry("errcode", 45009);
		assertThat(this.simulator.send("key-2", markdown("other robot"))).containsEntry("errcode", 0);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.simulator.send("key-1", markdown("a minute later"))).containsEntry("errcode", 0);
	}

	@Test
	void refusesContentOverWeComsLimitsAndEmptyContent() {
		assertThat(this.simulator.send("key-1", markdown("x".repeat(4097)))).containsEntry("errcode", 40058);
		assertThat(this.simulator.send("key-1", markdown(""))).containsEntry("errcode", 44004);
		assertThat(this.simulator.send("key-1", json("{\"msgtype\":\"markdown\"}"))).containsEntry("errcode", 40008);
	}

	private static JsonNode markdown(String content) {
		return JSON.createObjectNode().put("msgtype", "markdown").set("markdown",
				JSON.createObjectNode().put("content", content));
	}

	private static JsonNode json(String json) {
		return JSON.readTree(json);
	}

}

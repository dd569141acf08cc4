package dev.wxwork.sample.simulator;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** WeCom's group robot webhook under {@code /simulator}, next to the server API of {@link SimulatorController}. */
@RestController
@RequestMapping("/simulator")
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class WebhookSimulatorController {

	private final WebhookSimulator simulator;

	WebhookSimulatorController(WebhookSimulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/cgi-bin/webhook/send")
	Map<String, Object> send(@RequestParam(required = false) String key, @RequestBody(required = false) JsonNode message) {
		return this.simulator.send(key, message);
	}

	/** What the simulated group chats received: the last 100 robot messages. */
	@GetMapping("/webhook/messages")
	List<Map<String, Object>> posted() {
		return this.simulator.posted();
	}

}

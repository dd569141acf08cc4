package dev.wxwork.sample.simulator;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's bot server seen from outside: {@code POST /simulator/bots/ws/push} plays a user's message
 * to a bot over its long connection, {@code GET /simulator/bots/ws} tells which bots are connected.
 */
@RestController
@RequestMapping("/simulator/bots/ws")
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class BotServerSimulatorController {

	private final BotServerSimulator simulator;

	BotServerSimulatorController(BotServerSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * Pushes a text message or enter_chat event over the bot's WebSocket and waits for the streamed answer:
	 * {@code {"bot":"demo-bot","replies":[…],"streamId":…,"updates":[{"content":"echo: ","finish":false},
	 * {"content":"echo: hi","finish":true}],"replyContent":"echo: hi","finished":true}}.
	 */
	@PostMapping("/push")
	Map<String, Object> push(@RequestBody BotPushRequest request) {
		return this.simulator.push(request);
	}

	@GetMapping
	Map<String, Object> status() {
		return this.simulator.status();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> badPush(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notConnected(IllegalStateException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> noAnswer(BotServerSimulator.NoAnswerException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}

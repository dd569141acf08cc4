package dev.wxwork.sample.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom's server API paths under {@code /simulator}, so that {@code wxwork.api-base-url} can point here.
 * Like WeCom, it answers HTTP 200 with an errcode for every API error.
 */
@RestController
@RequestMapping("/simulator")
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorController {

	private final WeComSimulator simulator;

	private final CallbackPusher pusher;

	private final BotCallbackPusher botPusher;

	private final SimulatorProperties properties;

	SimulatorController(WeComSimulator simulator, CallbackPusher pusher, BotCallbackPusher botPusher,
			SimulatorProperties properties) {
		this.simulator = simulator;
		this.pusher = pusher;
		this.botPusher = botPusher;
		this.properties = properties;
	}

	@GetMapping("/cgi-bin/gettoken")
	Map<String, Object> getToken(@RequestParam(required = false) String corpid,
			@RequestParam(required = false) String corpsecret) {
		return this.simulator.getToken(corpid, corpsecret);
	}

	@PostMapping("/cgi-bin/message/send")
	Map<String, Object> sendMessage(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestBody(required = false) JsonNode message) throws InterruptedException {
		if (!this.properties.sendLatency().isZero()) {
			Thread.sleep(this.properties.sendLatency().toMillis());
		}
		return this.simulator.sendMessage(accessToken, message);
	}

	/** How often the simulated WeCom was called: {@code {"gettokenCalls":1,"tokensIssued":1,"messagesAccepted":20}}. */
	@GetMapping("/stats")
	Map<String, Object> stats() {
		return this.simulator.stats();
	}

	/** What the simulated WeCom received: the last 100 app messages it accepted. */
	@GetMapping("/messages")
	List<Map<String, Object>> sentMessages() {
		return this.simulator.sentMessages();
	}

	/**
	 * Every text message the simulated WeCom accepted since it started, counted per recipient and content:
	 * {@code [{"toUser":"zhangsan","content":"welcome, Zhang San","count":1}]}, so that a test can tell a
	 * message that never arrived from one that arrived twice.
	 */
	@GetMapping("/deliveries")
	List<WeComSimulator.Delivery> deliveries() {
		return this.simulator.deliveries();
	}

	/**
	 * Pushes a message or event to this app's callback (or another instance's, given as {@code target}) as WeCom would, and answers the callback sent,
	 * the HTTP status and the decrypted reply: {@code {"status":200,"msgId":...,"reply":"<xml>...",
	 * "replyContent":"echo: ..."}}.
	 */
	@PostMapping("/push")
	Map<String, Object> push(@RequestBody PushRequest request) throws IOException, InterruptedException {
		if ("change_contact".equals(request.event()) && "create_user".equals(request.changeType())
				&& request.userId() != null) {
			// WeCom tells of a member it already has: messages to the new member arrive
			this.simulator.addMember(request.userId());
		}
		return this.pusher.push(request);
	}

	/**
	 * Pushes a message or event to a bot's callback as WeCom would, and polls a streamed answer until it
	 * finishes: {@code {"status":200,"streamId":...,"updates":[{"content":"echo: ","finish":false},
	 * {"content":"echo: hi","finish":true}],"replyContent":"echo: hi","finished":true,...}}.
	 */
	@PostMapping("/bots/push")
	Map<String, Object> pushToBot(@RequestBody BotPushRequest request) throws IOException, InterruptedException {
		return this.botPusher.push(request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> badPush(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}

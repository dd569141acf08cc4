package dev.wxwork.sample.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WebhookStandIn;

/**
 * What the simulated WeCom was asked and what it received, and pushes of callbacks as WeCom would send
 * them. WeCom's API paths themselves ({@code /simulator/cgi-bin/*}, so that {@code wxwork.api-base-url} can
 * point here) are the test kit's stand-ins, served by {@link StandInServlet}.
 */
@RestController
@RequestMapping("/simulator")
@ConditionalOnProperty(prefix = "sample.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorController {

	private final WeComStandIn wecom;

	private final WebhookStandIn robots;

	private final Deliveries deliveries;

	// members pushed as created; bounded like the deliveries
	private final AtomicInteger membersAdded = new AtomicInteger();

	private static final int MAX_MEMBERS_ADDED = 100_000;

	private final CallbackPusher pusher;

	private final BotCallbackPusher botPusher;

	SimulatorController(WeComStandIn wecom, WebhookStandIn robots, Deliveries deliveries, CallbackPusher pusher,
			BotCallbackPusher botPusher) {
		this.wecom = wecom;
		this.robots = robots;
		this.deliveries = deliveries;
		this.pusher = pusher;
		this.botPusher = botPusher;
	}

	/**
	 * How often the simulated WeCom was called since it started: {@code {"gettokenCalls":1,"tokensIssued":1,
	 * "messagesAccepted":20}} ({@code gettokenCalls} counts refused calls too; counts only, never a token).
	 */
	@GetMapping("/stats")
	Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("gettokenCalls", this.wecom.gettokenCalls());
		stats.put("tokensIssued", this.wecom.tokensIssued());
		stats.put("messagesAccepted", this.wecom.messagesAccepted());
		return stats;
	}

	/** What the simulated WeCom received: the last 100 app messages it delivered, each with its msgid and request body. */
	@GetMapping("/messages")
	List<Map<String, Object>> sentMessages() {
		return this.wecom.sentMessages().stream().map((sent) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("msgid", sent.msgid());
			entry.put("message", sent.body());
			return entry;
		}).toList();
	}

	/** What the simulated group chats received: the last 100 robot messages. */
	@GetMapping("/webhook/messages")
	List<Map<String, Object>> posted() {
		return this.robots.posted().stream().map((message) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("msgtype", message.path("msgtype").asString());
			entry.put("message", message);
			return entry;
		}).toList();
	}

	/**
	 * Every text message the simulated WeCom accepted since it started, counted per recipient and content:
	 * {@code [{"toUser":"zhangsan","content":"welcome, Zhang San","count":1}]}, so that a test can tell a
	 * message that never arrived from one that arrived twice.
	 */
	@GetMapping("/deliveries")
	List<Deliveries.Delivery> deliveries() {
		return this.deliveries.list();
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
			if (this.membersAdded.incrementAndGet() <= MAX_MEMBERS_ADDED) {
				this.wecom.member(request.userId(), (request.name() != null) ? request.name() : request.userId());
			}
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

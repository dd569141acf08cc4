package dev.wxwork.sample.callbacks;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /events}: the last 1,000 callbacks the demo app handled, oldest first. */
@RestController
class EventsController {

	private final CallbackLog log;

	EventsController(CallbackLog log) {
		this.log = log;
	}

	@GetMapping("/events")
	List<HandledCallback> events() {
		return this.log.recent();
	}

}

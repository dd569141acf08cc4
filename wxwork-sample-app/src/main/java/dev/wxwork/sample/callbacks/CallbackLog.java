package dev.wxwork.sample.callbacks;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.wxwork.callback.CallbackMessage;

/** The most recent callbacks the demo app handled (after deduplication), for {@code GET /events}. */
@Component
public class CallbackLog {

	/** How many callbacks are kept. */
	public static final int CAPACITY = 1000;

	private final RingBuffer<HandledCallback> recent = new RingBuffer<>(CAPACITY);

	/** Records a handled callback; lock-free, so it costs next to nothing on the callback path. */
	public void record(CallbackMessage callback) {
		this.recent.add(new HandledCallback(callback.msgType(), callback.event(), callback.changeType(),
				callback.fromUserName(), (callback.createTime() != 0) ? callback.createTime() : null, callback.msgId(),
				callback.get("UserID")));
	}

	/** The recorded callbacks, oldest first. */
	public List<HandledCallback> recent() {
		return this.recent.snapshot();
	}

}

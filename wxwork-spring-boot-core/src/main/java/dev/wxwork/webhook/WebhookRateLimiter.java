package dev.wxwork.webhook;

import java.time.Duration;

/**
 * Counts group robot messages before they are sent, so that a robot stays under WeCom's 20 messages a
 * minute (doc 91770) without spending requests on 45009 answers.
 */
public interface WebhookRateLimiter {

	/** One minute: WeCom's window, and the window of every count here. */
	Duration WINDOW = Duration.ofMinutes(1);

	/**
	 * Takes a permit for one message of a robot, when one is free.
	 * @param robot the robot's identity (a fingerprint of its key, never the key)
	 * @return {@link Duration#ZERO} when the message may be sent now (the permit is taken), else how long
	 * until the next permit frees up (nothing is taken)
	 */
	Duration tryAcquire(String robot);

}

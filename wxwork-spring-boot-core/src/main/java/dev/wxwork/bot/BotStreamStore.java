package dev.wxwork.bot;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the state of open streams lives, and which callbacks were received. WeCom's refresh polls of a
 * stream may reach any instance of a service, so with Redis every instance answers them from the same
 * state.
 */
public interface BotStreamStore {

	/** Saves a stream's state, kept for {@code ttl}; whether it was saved (false when the store is unavailable). */
	boolean save(String streamId, BotStreamState state, Duration ttl);

	/**
	 * The state of a stream, or empty when it is unknown or expired.
	 * @throws RuntimeException when the store cannot be read (the poll is then left unanswered, not ended)
	 */
	Optional<BotStreamState> load(String streamId);

	/**
	 * Marks a callback's msgid as received for {@code window}; false when it already was (WeCom repeated it).
	 * An implementation that cannot tell answers true: a lost message is worse than a duplicate.
	 */
	boolean firstDelivery(String key, Duration window);

}

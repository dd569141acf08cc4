package dev.wxwork.redis;

import java.time.Instant;

/**
 * What the {@link RedisCommandGuard} last saw of Redis, read without a command.
 * @param available whether commands are sent to Redis (false while it is bypassed after a failure)
 * @param bypassedUntil when Redis is probed again, or null while it is available
 * @param lastFailure the last failure (operation and cause, no values), or null if there was none
 * @param lastFailureAt when that failure happened, or null
 */
public record RedisHealth(boolean available, Instant bypassedUntil, String lastFailure, Instant lastFailureAt) {
}

package dev.wxwork.bot;

import java.time.Duration;

/** Makes the cluster lease of a bot's long connection; a bean only when the application shares state through Redis. */
@FunctionalInterface
public interface BotConnectionLeases {

	/** The lease of the named bot's connection, lasting the given time unrenewed. */
	BotConnectionLease lease(String botName, Duration leaseTime);

}

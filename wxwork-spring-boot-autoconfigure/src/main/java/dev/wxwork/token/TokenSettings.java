package dev.wxwork.token;

import java.time.Duration;

/**
 * How shared credentials are cached and refreshed.
 * @param refreshAhead how long before WeCom's expiry a credential stops being used
 * @param lockLease lease of the cluster-wide refresh lock
 * @param lockWait how long a caller waits for another instance's refresh before fetching itself
 * @param pollInterval how often a waiting caller looks for the refreshed credential
 * @param storeRetryInterval how long the store is skipped after it failed
 */
public record TokenSettings(Duration refreshAhead, Duration lockLease, Duration lockWait, Duration pollInterval,
		Duration storeRetryInterval) {

	public static TokenSettings defaults() {
		return new TokenSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
				Duration.ofMillis(50), Duration.ofSeconds(5));
	}

	/** The same settings with another store retry interval. */
	public TokenSettings withStoreRetryInterval(Duration interval) {
		return new TokenSettings(this.refreshAhead, this.lockLease, this.lockWait, this.pollInterval, interval);
	}

}

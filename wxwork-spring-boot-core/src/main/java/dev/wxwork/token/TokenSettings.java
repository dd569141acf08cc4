package dev.wxwork.token;

import java.time.Duration;

/**
 * How shared credentials are cached and refreshed.
 * @param refreshAhead how long before WeCom's expiry a credential is refreshed in the background
 * @param lockLease lease of the cluster-wide refresh lock; renewed while its holder fetches
 * @param lockWait how long a caller waits for another instance's refresh before fetching itself
 * @param pollInterval how often a waiting caller looks for the refreshed credential
 * @param refreshWait how long a caller without a usable credential waits for the refresh in flight
 */
public record TokenSettings(Duration refreshAhead, Duration lockLease, Duration lockWait, Duration pollInterval,
		Duration refreshWait) {

	public static TokenSettings defaults() {
		return new TokenSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
				Duration.ofMillis(50), Duration.ofSeconds(30));
	}

	/** The same settings with another lock lease. */
	public TokenSettings withLockLease(Duration lease) {
		return new TokenSettings(this.refreshAhead, lease, this.lockWait, this.pollInterval, this.refreshWait);
	}

	/** The same settings with another lock wait. */
	public TokenSettings withLockWait(Duration wait) {
		return new TokenSettings(this.refreshAhead, this.lockLease, wait, this.pollInterval, this.refreshWait);
	}

	/** The same settings with another refresh-ahead time. */
	public TokenSettings withRefreshAhead(Duration ahead) {
		return new TokenSettings(ahead, this.lockLease, this.lockWait, this.pollInterval, this.refreshWait);
	}

}

package dev.wxwork.token;

import java.time.Duration;

/**
 * How shared credentials are cached and refreshed.
 * @param refreshAhead how long before WeCom's expiry a credential stops being used
 * @param lockLease lease of the cluster-wide refresh lock
 * @param lockWait how long a caller waits for another instance's refresh before fetching itself
 * @param pollInterval how often a waiting caller looks for the refreshed credential
 */
public record TokenSettings(Duration refreshAhead, Duration lockLease, Duration lockWait, Duration pollInterval) {

	public static TokenSettings defaults() {
		return new TokenSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
				Duration.ofMillis(50));
	}

}

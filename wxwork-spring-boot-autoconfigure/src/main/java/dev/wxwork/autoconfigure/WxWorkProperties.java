package dev.wxwork.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the WeCom corp and its apps, bound from {@code wxwork.*}.
 */
@ConfigurationProperties(prefix = "wxwork")
public class WxWorkProperties {

	/** The corp id (企业ID) shown under "My Company" in the WeCom admin console. */
	private String corpId;

	/** Base URL of the WeCom server API; change it for private deployments or local stand-ins. */
	private String apiBaseUrl = "https://qyapi.weixin.qq.com";

	/** Where access tokens and JS-SDK tickets are cached; by default Redis when the application has a Redis connection, else memory. */
	private TokenStoreType tokenStore;

	/** Prefix of every Redis key this library writes (tokens, locks, callback deduplication). */
	private String redisKeyPrefix = "wxwork";

	/** The apps of the corp by name; each becomes an agent bean of that name. */
	private Map<String, Agent> agents = new LinkedHashMap<>();

	/** HTTP client settings for calls to the WeCom server API. */
	private final Http http = new Http();

	/** How failed WeCom calls are retried. */
	private final Retry retry = new Retry();

	/** How access tokens are cached and refreshed. */
	private final Token token = new Token();

	/** Settings shared by all callback endpoints. */
	private final CallbackSettings callback = new CallbackSettings();

	/** How this library uses Redis (tokens, callback deduplication) so that it never stalls a call. */
	private final Redis redis = new Redis();

	public String getCorpId() {
		return this.corpId;
	}

	public void setCorpId(String corpId) {
		this.corpId = corpId;
	}

	public String getApiBaseUrl() {
		return this.apiBaseUrl;
	}

	public void setApiBaseUrl(String apiBaseUrl) {
		this.apiBaseUrl = apiBaseUrl;
	}

	public TokenStoreType getTokenStore() {
		return this.tokenStore;
	}

	public void setTokenStore(TokenStoreType tokenStore) {
		this.tokenStore = tokenStore;
	}

	public String getRedisKeyPrefix() {
		return this.redisKeyPrefix;
	}

	public void setRedisKeyPrefix(String redisKeyPrefix) {
		this.redisKeyPrefix = redisKeyPrefix;
	}

	public Map<String, Agent> getAgents() {
		return this.agents;
	}

	public void setAgents(Map<String, Agent> agents) {
		this.agents = agents;
	}

	public Http getHttp() {
		return this.http;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Token getToken() {
		return this.token;
	}

	public CallbackSettings getCallback() {
		return this.callback;
	}

	public Redis getRedis() {
		return this.redis;
	}

	@Override
	public String toString() {
		return "WxWorkProperties[corpId=" + this.corpId + ", apiBaseUrl=" + this.apiBaseUrl + ", agents=" + this.agents.keySet() + "]";
	}

	/** Where tokens are cached. */
	public enum TokenStoreType {

		/** In this JVM only. */
		MEMORY,

		/** In Redis, shared by every instance of the service. */
		REDIS

	}

	/** One app (self-built app, or a secret without an agent id such as contacts sync or customer contact). */
	public static class Agent {

		/** The app's AgentId; leave it out for the contacts-sync and customer-contact secrets. */
		private Long agentId;

		/** The app's Secret, from which its access token is fetched. */
		private String secret;

		/** The app's callback ("receive messages") settings. */
		private final Callback callback = new Callback();

		public Long getAgentId() {
			return this.agentId;
		}

		public void setAgentId(Long agentId) {
			this.agentId = agentId;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public Callback getCallback() {
			return this.callback;
		}

		@Override
		public String toString() {
			return "Agent[agentId=" + this.agentId + ", secret=" + (this.secret == null ? "unset" : "******") + "]";
		}

	}

	/** The callback settings of one app. */
	public static class Callback {

		/** The callback Token set in the admin console ("接收消息" → Token). */
		private String token;

		/** The callback EncodingAESKey set in the admin console: 43 characters of [A-Za-z0-9]. */
		private String encodingAesKey;

		public String getToken() {
			return this.token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public String getEncodingAesKey() {
			return this.encodingAesKey;
		}

		public void setEncodingAesKey(String encodingAesKey) {
			this.encodingAesKey = encodingAesKey;
		}

		@Override
		public String toString() {
			return "Callback[token=" + (this.token == null ? "unset" : "******") + ", encodingAesKey="
					+ (this.encodingAesKey == null ? "unset" : "******") + "]";
		}

	}

	/** HTTP client settings. */
	public static class Http {

		/** How long to wait for a TCP connection to the WeCom server. */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/** How long to wait for a WeCom response once the request is sent. */
		private Duration readTimeout = Duration.ofSeconds(30);

		/** How long one media upload or download may take, body included. */
		private Duration mediaTimeout = Duration.ofMinutes(10);

		public Duration getMediaTimeout() {
			return this.mediaTimeout;
		}

		public void setMediaTimeout(Duration mediaTimeout) {
			this.mediaTimeout = mediaTimeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/** Retry bounds for "system busy" (-1) and rate-limit (45009, 45033) answers. */
	public static class Retry {

		/** How many times one call is retried after a busy or rate-limit answer; 0 disables retries. */
		private int maxAttempts = 3;

		/** Backoff before the first retry; it doubles each time, with full jitter. */
		private Duration initialBackoff = Duration.ofMillis(200);

		/** The longest backoff between two retries. */
		private Duration maxBackoff = Duration.ofSeconds(3);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/** How this library uses Redis. */
	public static class Redis {

		/** How long one Redis command of this library may take, whatever spring.data.redis.timeout is. */
		private Duration commandTimeout = Duration.ofMillis(500);

		/** How long Redis is bypassed after a failure or timeout before it is tried again; defaults to wxwork.token.store-retry-interval (5s). */
		private Duration retryInterval;

		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/** Token caching settings. */
	public static class Token {

		/** How long before WeCom's expiry a cached token or ticket is refreshed. */
		private Duration refreshAhead = Duration.ofMinutes(5);

		/** Lease of the cluster-wide refresh lock; a crashed holder frees it after this. */
		private Duration lockLease = Duration.ofSeconds(10);

		/** How long a caller waits for another instance's refresh before fetching the token itself. */
		private Duration lockWait = Duration.ofSeconds(15);

		/** How long the token store is bypassed after Redis failed, before it is tried again. */
		private Duration storeRetryInterval = Duration.ofSeconds(5);

		public Duration getStoreRetryInterval() {
			return this.storeRetryInterval;
		}

		public void setStoreRetryInterval(Duration storeRetryInterval) {
			this.storeRetryInterval = storeRetryInterval;
		}

		public Duration getRefreshAhead() {
			return this.refreshAhead;
		}

		public void setRefreshAhead(Duration refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		public Duration getLockLease() {
			return this.lockLease;
		}

		public void setLockLease(Duration lockLease) {
			this.lockLease = lockLease;
		}

		public Duration getLockWait() {
			return this.lockWait;
		}

		public void setLockWait(Duration lockWait) {
			this.lockWait = lockWait;
		}

	}

	/** Settings shared by all callback endpoints. */
	public static class CallbackSettings {

		/** How far a callback's timestamp may be from this server's clock before it is rejected as stale. */
		private Duration timestampTolerance = Duration.ofMinutes(5);

		/** The largest callback body accepted, in bytes. */
		private int maxBodySize = 262144;

		/** How long a handled callback is remembered so that WeCom's retries of it are not handled again. */
		private Duration deduplicationWindow = Duration.ofMinutes(10);

		/** How many callbacks the in-memory deduplication remembers at most (used when there is no Redis). */
		private int deduplicationCapacity = 100000;

		/** How many threads run async callback handlers. */
		private int asyncThreads = 4;

		/** How many acknowledged callbacks may wait for an async thread; beyond that WeCom is answered 503 and retries. */
		private int asyncQueueCapacity = 1000;

		/** How long shutdown waits for async callback handlers that are running or queued. */
		private Duration asyncShutdownTimeout = Duration.ofSeconds(10);

		/** Where callbacks for async handlers wait, and how their failures are retried. */
		private final Async async = new Async();

		public Duration getTimestampTolerance() {
			return this.timestampTolerance;
		}

		public void setTimestampTolerance(Duration timestampTolerance) {
			this.timestampTolerance = timestampTolerance;
		}

		public int getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(int maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public Duration getDeduplicationWindow() {
			return this.deduplicationWindow;
		}

		public void setDeduplicationWindow(Duration deduplicationWindow) {
			this.deduplicationWindow = deduplicationWindow;
		}

		public int getDeduplicationCapacity() {
			return this.deduplicationCapacity;
		}

		public void setDeduplicationCapacity(int deduplicationCapacity) {
			this.deduplicationCapacity = deduplicationCapacity;
		}

		public int getAsyncThreads() {
			return this.asyncThreads;
		}

		public void setAsyncThreads(int asyncThreads) {
			this.asyncThreads = asyncThreads;
		}

		public int getAsyncQueueCapacity() {
			return this.asyncQueueCapacity;
		}

		public void setAsyncQueueCapacity(int asyncQueueCapacity) {
			this.asyncQueueCapacity = asyncQueueCapacity;
		}

		public Duration getAsyncShutdownTimeout() {
			return this.asyncShutdownTimeout;
		}

		public void setAsyncShutdownTimeout(Duration asyncShutdownTimeout) {
			this.asyncShutdownTimeout = asyncShutdownTimeout;
		}

		public Async getAsync() {
			return this.async;
		}

	}

	/** Where callbacks for async handlers wait between WeCom's acknowledgement and the handler, and how failures are retried. */
	public static class Async {

		/** Where acknowledged callbacks wait: redis (durable, any instance runs them) or memory (lost on a crash); by default redis when wxwork.token-store is redis. */
		private Store store;

		/** How many times an async handler runs before its callback goes to the CallbackErrorHandler (and, with Redis, the dead-letter stream). */
		private int maxAttempts = 3;

		/** The wait before an async handler's second attempt, doubled before each further one. */
		private Duration retryBackoff = Duration.ofSeconds(1);

		/** The longest wait between two attempts of an async handler. */
		private Duration retryMaxBackoff = Duration.ofSeconds(30);

		/** With Redis: how long a callback stays pending on a silent instance before another instance claims it (XAUTOCLAIM). */
		private Duration claimIdleTimeout = Duration.ofSeconds(30);

		/** With Redis: how long one blocking read of the stream waits for new callbacks; shutdown waits for reads under way. */
		private Duration pollTimeout = Duration.ofSeconds(2);

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getRetryBackoff() {
			return this.retryBackoff;
		}

		public void setRetryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
		}

		public Duration getRetryMaxBackoff() {
			return this.retryMaxBackoff;
		}

		public void setRetryMaxBackoff(Duration retryMaxBackoff) {
			this.retryMaxBackoff = retryMaxBackoff;
		}

		public Duration getClaimIdleTimeout() {
			return this.claimIdleTimeout;
		}

		public void setClaimIdleTimeout(Duration claimIdleTimeout) {
			this.claimIdleTimeout = claimIdleTimeout;
		}

		public Duration getPollTimeout() {
			return this.pollTimeout;
		}

		public void setPollTimeout(Duration pollTimeout) {
			this.pollTimeout = pollTimeout;
		}

		/** Where acknowledged callbacks for async handlers wait. */
		public enum Store {

			/** A Redis Stream per app: durable, run by any instance. */
			REDIS,

			/** This process's queue: lost when the process dies. */
			MEMORY

		}

	}

}

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

	/** The AI bots (智能机器人) by name, served in callback mode at /wxwork/bots/<name>/callback. */
	private Map<String, Bot> bots = new LinkedHashMap<>();

	/** HTTP client settings for calls to the WeCom server API. */
	private final Http http = new Http();

	/** How failed WeCom calls are retried. */
	private final Retry retry = new Retry();

	/** How access tokens are cached and refreshed. */
	private final Token token = new Token();

	/** Settings shared by all callback endpoints. */
	private final CallbackSettings callback = new CallbackSettings();

	/** The group robots (群机器人) by name; each becomes a webhook bean named {@code <name>Webhook}. */
	private Map<String, Webhook> webhooks = new LinkedHashMap<>();

	/** The optional client-side limit on group robot messages. */
	private final WebhookLimit webhookLimit = new WebhookLimit();

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

	public Map<String, Bot> getBots() {
		return this.bots;
	}

	public void setBots(Map<String, Bot> bots) {
		this.bots = bots;
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

	public Map<String, Webhook> getWebhooks() {
		return this.webhooks;
	}

	public void setWebhooks(Map<String, Webhook> webhooks) {
		this.webhooks = webhooks;
	}

	public WebhookLimit getWebhookLimit() {
		return this.webhookLimit;
	}

	public Redis getRedis() {
		return this.redis;
	}

	@Override
	public String toString() {
		return "WxWorkProperties[corpId=" + this.corpId + ", apiBaseUrl=" + this.apiBaseUrl + ", agents=" + this.agents.keySet()
				+ ", webhooks=" + this.webhooks.keySet() + ", bots=" + this.bots.keySet() + "]";
	}

	/** Where tokens are cached. */
	public enum TokenStoreType {

		/** In this JVM only. */
		MEMORY,

		/** In Redis, shared by every instance of the service. */
		REDIS

	}

	/** Where callback deduplication marks are kept. */
	public enum DeduplicationStore {

		/** In this JVM only: a retry that reaches another instance is handled again. */
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

	/** One AI bot (智能机器人): long-connection mode (bot-id, secret), callback mode (callback.*), or both. */
	public static class Bot {

		/** The bot's BotID, for the long-connection mode. */
		private String botId;

		/** The bot's Secret, for the long-connection mode. */
		private String secret;

		/** The long-connection WebSocket address; private deployments differ. */
		private String wsUrl = "wss://openws.work.weixin.qq.com";

		/** The bot's callback ("API mode") settings: the Token and EncodingAESKey of its URL. */
		private final Callback callback = new Callback();

		/** Timings of the long connection (WeCom's SDK values by default). */
		private final BotConnection connection = new BotConnection();

		/** How long the first reply of a streamed answer waits for the answer's first chunk. */
		private Duration firstReplyWait = Duration.ofSeconds(1);

		/** How long an answer may stream before it is ended with the error text; WeCom polls a stream for 6 minutes. */
		private Duration streamTimeout = Duration.ofSeconds(330);

		/** How long an enter_chat handler may take; a later welcome is not sent (WeCom's deadline is 5 seconds). */
		private Duration welcomeDeadline = Duration.ofSeconds(4);

		/** The short text a failed or timed-out answer ends with, so that no stream is left dangling. */
		private String errorText = "Sorry, something went wrong while answering.";

		/** How many Stream or Iterator answers may be pulled at once; beyond that an answer ends with the error text. */
		private int maxConcurrentStreams = 200;

		/** What a stream ends with when its answer outlasts WeCom's poll window and follows through the callback's response_url. */
		private String continuationText = "This is taking a while; the whole answer follows in a moment.";

		public String getContinuationText() {
			return this.continuationText;
		}

		public void setContinuationText(String continuationText) {
			this.continuationText = continuationText;
		}

		public String getBotId() {
			return this.botId;
		}

		public void setBotId(String botId) {
			this.botId = botId;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public String getWsUrl() {
			return this.wsUrl;
		}

		public void setWsUrl(String wsUrl) {
			this.wsUrl = wsUrl;
		}

		public Callback getCallback() {
			return this.callback;
		}

		public BotConnection getConnection() {
			return this.connection;
		}

		public Duration getFirstReplyWait() {
			return this.firstReplyWait;
		}

		public void setFirstReplyWait(Duration firstReplyWait) {
			this.firstReplyWait = firstReplyWait;
		}

		public Duration getStreamTimeout() {
			return this.streamTimeout;
		}

		public void setStreamTimeout(Duration streamTimeout) {
			this.streamTimeout = streamTimeout;
		}

		public Duration getWelcomeDeadline() {
			return this.welcomeDeadline;
		}

		public void setWelcomeDeadline(Duration welcomeDeadline) {
			this.welcomeDeadline = welcomeDeadline;
		}

		public String getErrorText() {
			return this.errorText;
		}

		public void setErrorText(String errorText) {
			this.errorText = errorText;
		}

		public int getMaxConcurrentStreams() {
			return this.maxConcurrentStreams;
		}

		public void setMaxConcurrentStreams(int maxConcurrentStreams) {
			this.maxConcurrentStreams = maxConcurrentStreams;
		}

		@Override
		public String toString() {
			return "Bot[botId=" + this.botId + ", secret=" + (this.secret == null ? "unset" : "******") + ", "
					+ this.callback + "]";
		}

	}

	/** Timings of a bot's long connection (doc 101463 and WeCom's SDK). */
	public static class BotConnection {

		/** How often a heartbeat ping is sent; two pings without an ack mean a dead connection. */
		private Duration heartbeatInterval = Duration.ofSeconds(30);

		/** The first delay before reconnecting; it doubles with each failure (with full jitter). */
		private Duration reconnectMinDelay = Duration.ofSeconds(1);

		/** The longest delay before reconnecting. */
		private Duration reconnectMaxDelay = Duration.ofSeconds(30);

		/** How long a frame waits for WeCom's ack (also the connect timeout). */
		private Duration ackTimeout = Duration.ofSeconds(5);

		/** How long a shutdown waits for the answers still streaming before it ends them with the error text. */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/** With Redis, how long the lease of the instance holding the connection lasts unrenewed; a standby takes over within about this time. */
		private Duration leaseTime = Duration.ofSeconds(15);

		public Duration getLeaseTime() {
			return this.leaseTime;
		}

		public void setLeaseTime(Duration leaseTime) {
			this.leaseTime = leaseTime;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getReconnectMinDelay() {
			return this.reconnectMinDelay;
		}

		public void setReconnectMinDelay(Duration reconnectMinDelay) {
			this.reconnectMinDelay = reconnectMinDelay;
		}

		public Duration getReconnectMaxDelay() {
			return this.reconnectMaxDelay;
		}

		public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
			this.reconnectMaxDelay = reconnectMaxDelay;
		}

		public Duration getAckTimeout() {
			return this.ackTimeout;
		}

		public void setAckTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
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

		/** The name of an SSL bundle (spring.ssl.bundle.*) for connections to the WeCom API, e.g. to trust a proxy's CA. */
		private String sslBundle;

		private final Proxy proxy = new Proxy();

		public Proxy getProxy() {
			return this.proxy;
		}

		public String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(String sslBundle) {
			this.sslBundle = sslBundle;
		}

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

	/** An HTTP proxy for calls to the WeCom API, e.g. for a fixed egress IP on WeCom's trusted-IP list. */
	public static class Proxy {

		/** The proxy's host; calls go directly to WeCom when unset. */
		private String host;

		/** The proxy's port, required with the host. */
		private Integer port;

		/**
		 * The user name for the proxy's Basic authentication, if it asks for one (a bot's long connection then
		 * needs the JVM option -Djdk.http.auth.tunneling.disabledSchemes=).
		 */
		private String username;

		/** The password for the proxy's Basic authentication. */
		private String password;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			this.port = port;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		@Override
		public String toString() {
			return "Proxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
					+ ((this.password == null) ? "unset" : "******") + "]";
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

		/** The duplicate_check_interval the library sets on message sends that leave enable_duplicate_check unset, so that a send retried after -1 is never delivered twice; 0 leaves the check off and such sends are not retried. */
		private Duration duplicateCheckInterval = Duration.ofSeconds(60);

		public Duration getDuplicateCheckInterval() {
			return this.duplicateCheckInterval;
		}

		public void setDuplicateCheckInterval(Duration duplicateCheckInterval) {
			this.duplicateCheckInterval = duplicateCheckInterval;
		}

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

		/** Lease of the cluster-wide refresh lock, renewed while its holder fetches; a crashed holder frees it after this. */
		private Duration lockLease = Duration.ofSeconds(10);

		/** How long a caller waits for another instance's refresh before fetching the token itself. */
		private Duration lockWait = Duration.ofSeconds(15);

		/** How long Redis is bypassed after it failed, before it is tried again (unless wxwork.redis.retry-interval is set). */
		private Duration storeRetryInterval = Duration.ofSeconds(5);

		/** How long a call without a usable token waits for the refresh in flight before it fails. */
		private Duration refreshWait = Duration.ofSeconds(30);

		public Duration getRefreshWait() {
			return this.refreshWait;
		}

		public void setRefreshWait(Duration refreshWait) {
			this.refreshWait = refreshWait;
		}

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

		/** How long a handled callback is remembered so that WeCom's retries of it are not handled again; at least twice the timestamp tolerance. */
		private Duration deduplicationWindow = Duration.ofMinutes(10);

		/** Where deduplication marks are kept; by default Redis when the application has a Redis connection, else memory. */
		private DeduplicationStore deduplication;

		/** How long WeCom's retry of a callback still being handled waits for the first delivery's outcome before it is answered 503; less than WeCom's 5 seconds. */
		private Duration retryWait = Duration.ofSeconds(3);

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

		public DeduplicationStore getDeduplication() {
			return this.deduplication;
		}

		public void setDeduplication(DeduplicationStore deduplication) {
			this.deduplication = deduplication;
		}

		public Duration getRetryWait() {
			return this.retryWait;
		}

		public void setRetryWait(Duration retryWait) {
			this.retryWait = retryWait;
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

	/** One group robot (群机器人): its webhook key, or its whole webhook address. */
	public static class Webhook {

		/** The robot's webhook key (the {@code key=} of its address); a secret. */
		private String key;

		/** The robot's whole webhook address as copied from the group's settings, or a base URL to use with {@code key}; by default {@code wxwork.api-base-url}. */
		private String url;

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		@Override
		public String toString() {
			return "Webhook[key=" + (this.key == null ? "unset" : "******") + ", url="
					+ (this.url == null ? "unset" : "******") + "]";
		}

	}

	/** A client-side limit on group robot messages, below WeCom's 20 a minute per robot. */
	public static class WebhookLimit {

		/** Whether messages are counted before they are sent, in Redis when the application has it (one count for the whole cluster), else in memory. */
		private boolean enabled;

		/** How many messages one robot may send in any 60 seconds; WeCom refuses more than 20 with errcode 45009. */
		private int perMinute = 20;

		/** How long a send may wait for the limit to free up before it fails with WebhookRateLimitException; 0 fails at once. */
		private Duration maxWait = Duration.ZERO;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPerMinute() {
			return this.perMinute;
		}

		public void setPerMinute(int perMinute) {
			this.perMinute = perMinute;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}

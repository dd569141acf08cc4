package dev.wxwork.callback;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;

import dev.wxwork.redis.RedisCommandGuard;

/**
 * Stores each callback for an async handler in a Redis Stream before WeCom gets its 200, and runs the
 * handlers from that stream on every instance, through Spring Data Redis's
 * {@link StreamMessageListenerContainer} and one consumer group:
 * <ul>
 * <li>one stream per app, {@code <prefix>:{<corpId>:<app>}:callbacks}, and its dead-letter stream
 * {@code …:callbacks:dead}; the hash tag puts both in one Redis Cluster slot, and every command touches
 * one of them only (or both, in one script);</li>
 * <li>an entry is the callback as WeCom sealed it ({@link SealedCallback}), never the decrypted message:
 * Redis learns no content, and an entry written by anyone without the app's Token does not verify;</li>
 * <li>an entry is read by one instance ({@code XREADGROUP}), acknowledged and deleted after its handler
 * succeeded ({@code XACK}, {@code XDEL}); one that stays pending on a consumer idle for
 * {@code claim-idle-timeout} (a dead instance) is claimed by another ({@code XAUTOCLAIM}). A running
 * handler keeps its entries from going idle by claiming them again for itself;</li>
 * <li>failures are retried with backoff; after the last attempt the entry moves to the dead-letter stream
 * and the {@link CallbackErrorHandler} receives it.</li>
 * </ul>
 * Processing is at least once: a handler may see a callback twice when an instance dies after the
 * handler ran and before its acknowledgement. {@link CallbackMessage#identity()} is stable across runs.
 * Entries are processed in parallel, so two events of one member may run out of order.
 */
public class RedisStreamCallbackHandOff implements CallbackHandOff, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisStreamCallbackHandOff.class);

	/** The consumer group of every instance. */
	public static final String GROUP = "wxwork-callbacks";

	private static final RedisScript<Long> ACKNOWLEDGE = RedisScript.of("""
			local n = redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			redis.call('XDEL', KEYS[1], ARGV[2])
			return n""", Long.class);

	private static final RedisScript<String> DEAD_LETTER = RedisScript.of("""
			local id = redis.call('XADD', KEYS[2], '*', 'signature', ARGV[3], 'timestamp', ARGV[4], 'nonce', ARGV[5],
					'body', ARGV[6], 'entry', ARGV[2], 'attempts', ARGV[7], 'error', ARGV[8])
			redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			redis.call('XDEL', KEYS[1], ARGV[2])
			return id""", String.class);

	// hands an entry back to the group at once: a copy any consumer reads next, the original acknowledged
	private static final RedisScript<String> REQUEUE = RedisScript.of("""
			local fields = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
			if #fields == 0 then return false end
			local id = redis.call('XADD', KEYS[1], '*', unpack(fields[1][2]))
			redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			redis.call('XDEL', KEYS[1], ARGV[2])
			return id""", String.class);

	// XAUTOCLAIM has no Spring Data Redis method; JUSTID, because the entries are read with XRANGE after.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> AUTOCLAIM = RedisScript.of("""
			local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5], 'JUSTID')
			local out = { r[1] }
			for _, id in ipairs(r[2]) do out[#out + 1] = id end
			return out""", List.class);

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final AsyncCallbackRunner runner;

	private final Settings settings;

	private final Executor consumerExecutor;

	private final java.util.concurrent.atomic.AtomicInteger polling = new java.util.concurrent.atomic.AtomicInteger();

	private final String consumerName;

	private final Map<String, App> apps = new ConcurrentHashMap<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final CountDownLatch stopping = new CountDownLatch(1);

	private RedisCommandGuard guard;

	private StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * @param consumerExecutor where the consumers poll and run handlers: one thread per consumer and app,
	 * held for as long as the application runs
	 */
	public RedisStreamCallbackHandOff(RedisConnectionFactory connectionFactory, AsyncCallbackRunner runner,
			Settings settings, Executor consumerExecutor) {
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.runner = runner;
		this.settings = settings;
		this.consumerExecutor = consumerExecutor;
		this.consumerName = (settings.consumerName() != null) ? settings.consumerName() : defaultConsumerName();
	}

	/**
	 * Stores callbacks through the application's Redis command guard: a Redis that hangs or is down costs a
	 * request at most the guard's command timeout (then nothing while its breaker is open), and WeCom is
	 * answered 503 instead of a 200 for a callback that was not stored.
	 */
	public void setCommandGuard(RedisCommandGuard guard) {
		this.guard = guard;
	}

	/** The host name, the process id and a random part: unique for every start of every instance. */
	static String defaultConsumerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "host";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The stream of an app's callbacks. */
	public static String streamKey(String keyPrefix, String corpId, String agentName) {
		return keyPrefix + ":{" + corpId + ":" + agentName + "}:callbacks";
	}

	/** The dead-letter stream of an app's callbacks, in the same Redis Cluster slot as its stream. */
	public static String deadLetterKey(String keyPrefix, String corpId, String agentName) {
		return streamKey(keyPrefix, corpId, agentName) + ":dead";
	}

	/** This instance's name in the consumer group. */
	public String consumerName() {
		return this.consumerName;
	}

	@Override
	public void register(CallbackEndpoint endpoint) {
		String stream = streamKey(this.settings.keyPrefix(), endpoint.corpId(), endpoint.agentName());
		this.apps.put(endpoint.agentName(), new App(endpoint, stream,
				deadLetterKey(this.settings.keyPrefix(), endpoint.corpId(), endpoint.agentName())));
	}

	@Override
	public boolean offer(CallbackEndpoint endpoint, SealedCallback sealed, CallbackMessage message) {
		App app = this.apps.get(endpoint.agentName());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("signature", sealed.signature());
		fields.put("timestamp", sealed.timestamp());
		fields.put("nonce", sealed.nonce());
		fields.put("body", new String(sealed.body(), StandardCharsets.UTF_8));
		MapRecord<String, String, String> entry = MapRecord.create(app.stream(), fields);
		try {
			RecordId id = (this.guard != null)
					? this.guard.execute("async callback store", () -> this.redis.opsForStream().add(entry))
					: this.redis.opsForStream().add(entry);
			return id != null;
		}
		catch (RuntimeException ex) {
			// not stored, so not acknowledged: WeCom retries (on this or another instance). No fallback to
			// memory: a 200 would promise a durability that a crash would break.
			logger.warn("Could not store " + message + " of app '" + endpoint.agentName() + "' in Redis ("
					+ ex.getClass().getSimpleName() + ")");
			return false;
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		if (this.apps.isEmpty()) {
			return; // no app has async handlers: nothing to consume
		}
		this.apps.values().forEach(this::ensureGroup);
		StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options = StreamMessageListenerContainerOptions
			.builder()
			.serializer(RedisSerializer.string())
			.batchSize(1) // one entry per read: what a dying instance holds is little
			.pollTimeout(this.settings.pollTimeout())
			.executor(this::poll)
			.errorHandler(this::readFailed)
			.build();
		this.container = StreamMessageListenerContainer.create(this.connectionFactory, options);
		for (App app : this.apps.values()) {
			for (int i = 0; i < this.settings.consumers(); i++) {
				this.container.register(StreamMessageListenerContainer.StreamReadRequest
					.builder(StreamOffset.create(app.stream(), ReadOffset.lastConsumed()))
					.consumer(Consumer.from(GROUP, this.consumerName))
					.autoAcknowledge(false)
					.cancelOnError((ex) -> false)
					.build(), (record) -> process(app, record.getId().getValue(), record.getValue()));
			}
		}
		this.container.start();
		this.scheduler = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "wxwork-callback-claims");
			thread.setDaemon(true);
			return thread;
		});
		long heartbeat = Math.max(100, this.settings.claimIdleTimeout().toMillis() / 3);
		this.scheduler.scheduleWithFixedDelay(this::keepInFlightEntriesBusy, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		long claim = Math.max(100, this.settings.claimIdleTimeout().toMillis() / 2);
		this.scheduler.scheduleWithFixedDelay(this::claimAbandonedEntries, claim, claim, TimeUnit.MILLISECONDS);
		logger.info("Async callbacks of " + this.apps.keySet() + " run from Redis Streams as consumer '" + this.consumerName
				+ "' of group '" + GROUP + "'");
	}

	@Override
	public void stop() {
		StreamMessageListenerContainer<String, MapRecord<String, String, String>> stopped;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			stopped = this.container;
		}
		// take nothing new; a handler waiting to retry hands its entry back for another instance
		this.stopping.countDown();
		if (stopped == null) {
			return;
		}
		stopped.stop();
		this.scheduler.shutdownNow();
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		try {
			// a read still blocked returns within the poll timeout; what it brings is handed back while Redis is up
			while ((!this.inFlight.isEmpty() || this.polling.get() > 0) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.inFlight.isEmpty()) {
			logger.warn("Async callback handlers still running after " + this.settings.shutdownTimeout()
					+ "; their entries stay pending in Redis for another instance to claim: " + List.copyOf(this.inFlight));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void process(App app, String id, Map<String, String> fields) {
		String key = app.stream() + " " + id;
		if (!this.inFlight.add(key)) {
			return; // already running here
		}
		if (this.stopping.getCount() == 0) {
			// read while stopping: handed back for another instance at once, not after the claim timeout
			handBack(app, id);
			this.inFlight.remove(key);
			return;
		}
		try {
			CallbackMessage message;
			try {
				message = app.endpoint().openStored(new SealedCallback(fields.get("signature"), fields.get("timestamp"),
						fields.get("nonce"), fields.get("body").getBytes(StandardCharsets.UTF_8)));
			}
			catch (RuntimeException ex) {
				// a changed Token or EncodingAESKey, or an entry WeCom did not seal: no handler may see it
				String deadLetterId = deadLetter(app, id, fields, 0, ex);
				this.runner.giveUp(new FailedCallback(app.endpoint().agentName(), "stream entry " + id, null, 0,
						new IllegalStateException("The stored callback does not open with the app's Token and EncodingAESKey ("
								+ ex.getClass().getSimpleName() + ")"),
						deadLetterId));
				return;
			}
			FailedCallback failure = this.runner.run(app.endpoint(), message, null, this.stopping, null);
			if (failure == null) {
				this.redis.execute(ACKNOWLEDGE, List.of(app.stream()), GROUP, id);
			}
			else {
				String deadLetterId = deadLetter(app, id, fields, failure.attempts(), failure.cause());
				this.runner.giveUp(new FailedCallback(failure.agentName(), failure.identity(), message, failure.attempts(),
						failure.cause(), deadLetterId));
			}
		}
		catch (InterruptedException ex) {
			// stopping between two attempts
			handBack(app, id);
		}
		catch (RuntimeException ex) {
			// Redis failed on the acknowledgement: the entry stays pending and runs again somewhere (at least once)
			logger.warn("Could not acknowledge stream entry " + id + " of app '" + app.endpoint().agentName() + "' ("
					+ ex.getClass().getSimpleName() + "); it will be claimed and run again");
		}
		finally {
			this.inFlight.remove(key);
		}
	}

	private void handBack(App app, String id) {
		try {
			this.redis.execute(REQUEUE, List.of(app.stream()), GROUP, id);
			logger.info("Stopping: handed stream entry " + id + " of app '" + app.endpoint().agentName()
					+ "' back for another instance");
		}
		catch (RuntimeException ex) {
			logger.info("Stopping: stream entry " + id + " of app '" + app.endpoint().agentName()
					+ "' stays pending until another instance claims it (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private String deadLetter(App app, String id, Map<String, String> fields, int attempts, Throwable cause) {
		// the exception's class only: its message may quote the callback
		return this.redis.execute(DEAD_LETTER, List.of(app.stream(), app.deadLetters()), GROUP, id,
				String.valueOf(fields.get("signature")), String.valueOf(fields.get("timestamp")),
				String.valueOf(fields.get("nonce")), String.valueOf(fields.get("body")), String.valueOf(attempts),
				cause.getClass().getName());
	}

	private void ensureGroup(App app) {
		try {
			this.redis.execute((RedisCallback<Object>) (connection) -> connection.streamCommands()
				.xGroupCreate(app.stream().getBytes(StandardCharsets.UTF_8), GROUP, ReadOffset.from("0"), true));
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).contains("BUSYGROUP")
					&& !(ex.getCause() != null && String.valueOf(ex.getCause().getMessage()).contains("BUSYGROUP"))) {
				logger.warn("Could not create the consumer group of " + app.stream() + " (" + ex.getClass().getSimpleName()
						+ "); retrying when reading");
			}
		}
	}

	private void readFailed(Throwable ex) {
		if (this.stopping.getCount() == 0) {
			return;
		}
		logger.warn("Reading async callbacks from Redis failed (" + ex.getClass().getSimpleName() + "); retrying");
		if (String.valueOf(ex.getMessage()).contains("NOGROUP")
				|| (ex.getCause() != null && String.valueOf(ex.getCause().getMessage()).contains("NOGROUP"))) {
			this.apps.values().forEach(this::ensureGroup);
		}
		try {
			// the container polls again at once: without a pause, a Redis outage would be a busy loop
			this.stopping.await(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs a poll task of the container, counted, so that stopping can wait until no read is under way. */
	private void poll(Runnable task) {
		this.consumerExecutor.execute(() -> {
			this.polling.incrementAndGet();
			try {
				task.run();
			}
			finally {
				this.polling.decrementAndGet();
			}
		});
	}

	/** Claims this instance's running entries for itself again, which resets their idle time. */
	private void keepInFlightEntriesBusy() {
		for (App app : this.apps.values()) {
			String prefix = app.stream() + " ";
			List<String> ids = this.inFlight.stream()
				.filter((key) -> key.startsWith(prefix))
				.map((key) -> key.substring(prefix.length()))
				.toList();
			if (ids.isEmpty()) {
				continue;
			}
			try {
				this.redis.execute((RedisCallback<Object>) (connection) -> connection.streamCommands()
					.xClaimJustId(app.stream().getBytes(StandardCharsets.UTF_8), GROUP, this.consumerName,
							XClaimOptions.minIdle(Duration.ZERO).ids(ids.toArray(String[]::new))));
			}
			catch (RuntimeException ex) {
				logger.debug("Could not refresh running stream entries (" + ex.getClass().getSimpleName() + ")");
			}
		}
	}

	/** Claims entries pending on a consumer idle for longer than the timeout, and runs them here. */
	private void claimAbandonedEntries() {
		for (App app : this.apps.values()) {
			try {
				String cursor = "0-0";
				for (int round = 0; round < 10 && this.stopping.getCount() > 0; round++) {
					List<?> claimed = this.redis.execute(AUTOCLAIM, List.of(app.stream()), GROUP, this.consumerName,
							String.valueOf(this.settings.claimIdleTimeout().toMillis()), cursor, "100");
					if (claimed == null || claimed.isEmpty()) {
						break;
					}
					cursor = String.valueOf(claimed.get(0));
					List<String> ids = new ArrayList<>();
					claimed.subList(1, claimed.size()).forEach((id) -> ids.add(String.valueOf(id)));
					if (!ids.isEmpty()) {
						logger.info("Claimed " + ids.size() + " async callbacks of app '" + app.endpoint().agentName()
								+ "' left pending by a consumer idle for over " + this.settings.claimIdleTimeout());
					}
					for (String id : ids) {
						List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
							.range(app.stream(), Range.closed(id, id));
						if (entries == null || entries.isEmpty()) {
							this.redis.execute(ACKNOWLEDGE, List.of(app.stream()), GROUP, id);
							continue;
						}
						Map<String, String> fields = new LinkedHashMap<>();
						entries.get(0).getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
						process(app, id, fields);
					}
					if ("0-0".equals(cursor)) {
						break;
					}
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not claim abandoned async callbacks of app '" + app.endpoint().agentName() + "' ("
						+ ex.getClass().getSimpleName() + ")");
			}
		}
	}

	@Override
	public String toString() {
		return "RedisStreamCallbackHandOff[consumer=" + this.consumerName + ", apps=" + this.apps.keySet() + "]";
	}

	private record App(CallbackEndpoint endpoint, String stream, String deadLetters) {
	}

	/**
	 * How the Redis hand-off reads and claims.
	 *
	 * @param keyPrefix the prefix of the stream keys ({@code wxwork.redis-key-prefix})
	 * @param consumers how many entries of one app this instance runs at once
	 * @param pollTimeout how long one blocking read waits for new entries
	 * @param claimIdleTimeout how long an entry stays pending on a silent consumer before another claims it
	 * @param shutdownTimeout how long stopping waits for running handlers before leaving their entries pending
	 * @param consumerName this instance's name in the consumer group; null for host, pid and a random part
	 */
	public record Settings(String keyPrefix, int consumers, Duration pollTimeout, Duration claimIdleTimeout,
			Duration shutdownTimeout, String consumerName) {

		public Settings {
			if (consumers < 1) {
				throw new IllegalArgumentException("wxwork.callback.async-threads must be at least 1, not " + consumers);
			}
			if (claimIdleTimeout.isNegative() || claimIdleTimeout.isZero() || pollTimeout.isNegative() || pollTimeout.isZero()) {
				throw new IllegalArgumentException("wxwork.callback.async.claim-idle-timeout (" + claimIdleTimeout
						+ ") and wxwork.callback.async.poll-timeout (" + pollTimeout + ") must be positive");
			}
		}

	}

}

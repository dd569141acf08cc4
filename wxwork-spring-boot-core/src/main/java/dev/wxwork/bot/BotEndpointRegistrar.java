package dev.wxwork.bot;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import dev.wxwork.client.WxWorkProxy;
import dev.wxwork.crypto.CallbackCrypto;

/**
 * Finds the {@link WxWorkBot @WxWorkBot} beans once, after every singleton exists, checks their
 * handlers, and serves each bot that has callback settings at {@code /wxwork/bots/<name>/callback} and
 * each bot with a {@code bot-id} over its long connection (through a lease in a cluster). A handler or
 * bot that cannot work fails the startup here, with a message naming the method or property.
 */
public class BotEndpointRegistrar implements SmartInitializingSingleton, BeanFactoryAware, SmartLifecycle,
		DisposableBean {

	/**
	 * Stopped after the web server (which has stopped taking polls) and before the Redis connection
	 * factory (phase 0), so that the answers still streaming here are ended in the store for the others.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(BotEndpointRegistrar.class);

	private final CallbackServer callbackServer;

	private final Function<String, BotDefinition> bots;

	private final BotStreamStore store;

	private final Clock clock;

	private ListableBeanFactory beanFactory;

	private final Map<String, BotCallbackEndpoint> endpoints = new LinkedHashMap<>();

	private final Map<String, BotDispatcher> dispatchers = new LinkedHashMap<>();

	private final Map<String, ThreadPoolExecutor> executors = new LinkedHashMap<>();

	private final Map<String, BotLongConnection> connections = new LinkedHashMap<>();

	private final Map<String, BotConnectionHolder> holders = new LinkedHashMap<>();

	private BotConnectionLeases leases;

	private WxWorkProxy proxy;

	private SSLContext sslContext;

	private volatile boolean running;

	/**
	 * @param callbackServer what serves the endpoint of each bot in callback mode (over Spring MVC: a
	 * {@link BotHandlerMapping}); the long connections need none
	 * @param bots the configuration of a bot by name, null when it is not configured
	 */
	public BotEndpointRegistrar(CallbackServer callbackServer, Function<String, BotDefinition> bots,
			BotStreamStore store, Clock clock) {
		this.callbackServer = callbackServer;
		this.bots = bots;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The cluster's leases of long connections (bot name, lease time → lease), so that one instance holds
	 * each bot's connection; without them (no Redis) this instance is assumed to be the only one.
	 */
	public void setConnectionLeases(BotConnectionLeases leases) {
		this.leases = leases;
	}

	/**
	 * The HTTP proxy the long connections tunnel through and the TLS settings of wss addresses; without
	 * them (null) a connection goes as the JVM's defaults say.
	 */
	public void setConnectionTransport(WxWorkProxy proxy, SSLContext sslContext) {
		this.proxy = proxy;
		this.sslContext = sslContext;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, BotDispatcher.Builder> builders = new LinkedHashMap<>();
		Map<String, String> declaredBy = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(WxWorkBot.class)) {
			Object bean = this.beanFactory.getBean(beanName);
			Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
			WxWorkBot annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, WxWorkBot.class);
			if (annotation == null) {
				continue;
			}
			if (annotation.value().length == 0) {
				throw new InvalidBotHandlerException("@WxWorkBot on " + userClass.getName() + " names no bot");
			}
			for (String name : annotation.value()) {
				declaredBy.putIfAbsent(name, "@WxWorkBot(\"" + name + "\") on " + userClass.getName());
				builders.computeIfAbsent(name, BotDispatcher::builder).add(bean, userClass);
			}
		}
		builders.forEach((name, builder) -> register(name, declaredBy.get(name), builder.build()));
	}

	private void register(String name, String where, BotDispatcher dispatcher) {
		String prefix = "wxwork.bots." + name;
		BotDefinition bot = this.bots.apply(name);
		if (bot == null) {
			throw new InvalidBotHandlerException(where + " names a bot that is not configured: set " + prefix
					+ ".callback.token and " + prefix + ".callback.encoding-aes-key (callback mode), or " + prefix
					+ ".bot-id and " + prefix + ".secret (long-connection mode)");
		}
		this.dispatchers.put(name, dispatcher);
		ThreadPoolExecutor executor = executor(name, bot.maxConcurrentStreams());
		WxWorkBotClient client = this.beanFactory.getBeanProvider(WxWorkBotClient.class)
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElse(null);
		if (bot.botId() != null) {
			BotLongConnection connection = new BotLongConnection(name, bot.botId(), bot.secret(), URI.create(bot.wsUrl()),
					dispatcher, executor, bot.settings(), bot.connectionOptions(), this.proxy, this.sslContext);
			this.connections.put(name, connection);
			if (client != null) {
				client.useConnection(connection);
			}
			if (this.leases != null) {
				this.holders.put(name, new BotConnectionHolder(connection,
						this.leases.lease(name, bot.connectionOptions().leaseTime())));
			}
			logger.info("WeCom bot '" + name + "' in long-connection mode to " + bot.wsUrl()
					+ ((this.proxy != null) ? " through " + this.proxy : "") + ": " + dispatcher);
		}
		if (bot.callbackToken() == null) {
			return;
		}
		CallbackCrypto crypto = new CallbackCrypto(bot.callbackToken(), bot.callbackEncodingAesKey(), "", this.clock);
		BotCallbackEndpoint endpoint = new BotCallbackEndpoint(name, crypto, dispatcher, this.store, executor,
				bot.settings(), this.clock, client);
		String path = "/wxwork/bots/" + name + "/callback";
		this.endpoints.put(name, endpoint);
		this.callbackServer.serve(path, endpoint);
		logger.info("WeCom bot '" + name + "' in callback mode at " + path + ": " + dispatcher);
	}

	private ThreadPoolExecutor executor(String name, int threads) {
		AtomicInteger count = new AtomicInteger();
		// no queue: a Stream or Iterator answer that finds no thread ends at once with the error text
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "wxwork-bot-" + name + "-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.executors.put(name, executor);
		return executor;
	}

	/** The callback endpoints by bot name, once the context is refreshed. */
	public Map<String, BotCallbackEndpoint> endpoints() {
		return Map.copyOf(this.endpoints);
	}

	/** The dispatch tables by bot name, once the context is refreshed. */
	public Map<String, BotDispatcher> dispatchers() {
		return Map.copyOf(this.dispatchers);
	}

	/** The holders of long connections by bot name (with Redis only), once the context is refreshed. */
	public Map<String, BotConnectionHolder> connectionHolders() {
		return Map.copyOf(this.holders);
	}

	/** The long connections by bot name, once the context is refreshed. */
	public Map<String, BotLongConnection> connections() {
		return Map.copyOf(this.connections);
	}

	@Override
	public void start() {
		this.running = true;
		this.connections.forEach((name, connection) -> {
			BotConnectionHolder holder = this.holders.get(name);
			if (holder != null) {
				holder.start();
			}
			else {
				connection.start();
			}
		});
	}

	@Override
	public void stop() {
		this.running = false;
		// in parallel: each connection waits (bounded) for its own streams to finish
		java.util.concurrent.CompletableFuture
			.allOf(this.connections.entrySet()
				.stream()
				.map((entry) -> java.util.concurrent.CompletableFuture.runAsync(() -> {
					BotConnectionHolder holder = this.holders.get(entry.getKey());
					if (holder != null) {
						holder.stop();
					}
					else {
						entry.getValue().stop();
					}
				}))
				.toArray(java.util.concurrent.CompletableFuture[]::new))
			.join();
		this.endpoints.values().forEach(BotCallbackEndpoint::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		this.holders.values().forEach(BotConnectionHolder::destroy);
		this.connections.values().forEach(BotLongConnection::destroy);
		this.endpoints.values().forEach(BotCallbackEndpoint::close);
		this.executors.values().forEach(ThreadPoolExecutor::shutdownNow);
	}

	/**
	 * Serves the endpoint of a bot in callback mode at its path. Spring MVC's is {@link BotHandlerMapping};
	 * an application that cannot serve callbacks fails here, naming the bot's callback settings.
	 */
	@FunctionalInterface
	public interface CallbackServer {

		/** Serves the endpoint at the path ({@code /wxwork/bots/<name>/callback}), or throws why it cannot. */
		void serve(String path, BotCallbackEndpoint endpoint);

	}

	/**
	 * One bot's configuration, as the registrar needs it.
	 *
	 * @param callbackToken the callback Token, or null without callback mode
	 * @param callbackEncodingAesKey the callback EncodingAESKey, or null without callback mode
	 * @param maxConcurrentStreams how many Stream or Iterator answers may be pulled at once
	 * @param settings the endpoint's limits and texts
	 * @param botId the BotID, or null without long-connection mode
	 * @param secret the bot's Secret, or null without long-connection mode
	 * @param wsUrl the long-connection address
	 * @param connectionOptions the long connection's timings
	 */
	public record BotDefinition(String callbackToken, String callbackEncodingAesKey, int maxConcurrentStreams,
			BotCallbackEndpoint.Settings settings, String botId, String secret, String wsUrl,
			BotLongConnection.Options connectionOptions) {

		public BotDefinition {
			if (maxConcurrentStreams < 1) {
				throw new IllegalArgumentException("max-concurrent-streams must be at least 1, not " + maxConcurrentStreams);
			}
		}

		@Override
		public String toString() {
			return "BotDefinition[callback=" + ((this.callbackToken != null) ? "******" : "unset") + ", botId="
					+ this.botId + ", secret=" + ((this.secret != null) ? "******" : "unset") + "]";
		}

	}

}

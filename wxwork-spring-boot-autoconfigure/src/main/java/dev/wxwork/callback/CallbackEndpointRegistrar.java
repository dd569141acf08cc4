package dev.wxwork.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgents;
import dev.wxwork.crypto.CallbackCrypto;

/**
 * Finds the {@link WxWorkCallback @WxWorkCallback} beans once, after every singleton exists, builds
 * one endpoint per app and maps it to its path. A handler or an app that cannot work fails the
 * startup here, with a message naming the method or the property.
 */
public class CallbackEndpointRegistrar implements SmartInitializingSingleton, BeanFactoryAware, DisposableBean {

	private static final Log logger = LogFactory.getLog(CallbackEndpointRegistrar.class);

	private final CallbackHandlerMapping mapping;

	private final WxWorkAgents agents;

	private final Function<String, CallbackSecret> secrets;

	private final CallbackDeduplicator deduplicator;

	private final CallbackEndpoint.Settings settings;

	private final AsyncSettings asyncSettings;

	private final Clock clock;

	private ObservationRegistry observations = ObservationRegistry.NOOP;

	private CallbackErrorHandler errorHandler;

	private ListableBeanFactory beanFactory;

	private ThreadPoolExecutor executor;

	private final Map<String, CallbackEndpoint> endpoints = new LinkedHashMap<>();

	/**
	 * @param secrets the callback token and key of an app by name, null when they are not configured
	 */
	public CallbackEndpointRegistrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			Function<String, CallbackSecret> secrets, CallbackDeduplicator deduplicator,
			CallbackEndpoint.Settings settings, AsyncSettings asyncSettings, Clock clock) {
		this.mapping = mapping;
		this.agents = agents;
		this.secrets = secrets;
		this.deduplicator = deduplicator;
		this.settings = settings;
		this.asyncSettings = asyncSettings;
		this.clock = clock;
	}

	/** Where each callback request is observed ({@code wxwork.callbacks}); none by default. */
	public void setObservationRegistry(ObservationRegistry observations) {
		this.observations = observations;
	}

	/** Where callbacks go that did not bind and that no handler takes; none by default (they are logged). */
	public void setErrorHandler(CallbackErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, CallbackDispatcher.Builder> builders = new LinkedHashMap<>();
		Map<String, String> paths = new LinkedHashMap<>();
		Map<String, String> declaredBy = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(WxWorkCallback.class)) {
			Object bean = this.beanFactory.getBean(beanName);
			Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
			WxWorkCallback annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, WxWorkCallback.class);
			if (annotation == null) {
				continue;
			}
			String agent = annotation.agent();
			String where = "@WxWorkCallback(agent = \"" + agent + "\") on " + userClass.getName();
			String path = annotation.path().isEmpty() ? "/wxwork/" + agent + "/callback" : annotation.path();
			if (!path.startsWith("/")) {
				throw new InvalidCallbackHandlerException(where + ": the path '" + path + "' must start with '/'");
			}
			String existingPath = paths.putIfAbsent(agent, path);
			if (existingPath != null && !existingPath.equals(path)) {
				throw new InvalidCallbackHandlerException(where + " sets the path " + path + ", but "
						+ declaredBy.get(agent) + " sets " + existingPath + "; one app has one callback path");
			}
			declaredBy.putIfAbsent(agent, where);
			builders.computeIfAbsent(agent, CallbackDispatcher::builder).add(bean, userClass);
		}
		Map<String, String> agentByPath = new LinkedHashMap<>();
		paths.forEach((agent, path) -> {
			String other = agentByPath.putIfAbsent(path, agent);
			if (other != null) {
				throw new InvalidCallbackHandlerException("Apps '" + other + "' and '" + agent + "' both use the callback path "
						+ path + "; give one of them @WxWorkCallback(path = ...)");
			}
		});
		builders.forEach((agent, builder) -> register(agent, paths.get(agent), declaredBy.get(agent),
				builder.errorHandler(this.errorHandler).build()));
	}

	private void register(String agentName, String path, String where, CallbackDispatcher dispatcher) {
		String prefix = "wxwork.agents." + agentName;
		WxWorkAgent agent = this.agents.byName(agentName)
			.orElseThrow(() -> new InvalidCallbackHandlerException(where + " names an app that is not configured: set "
					+ prefix + ".secret, " + prefix + ".callback.token and " + prefix + ".callback.encoding-aes-key"));
		CallbackSecret secret = this.secrets.apply(agentName);
		if (secret == null || isBlank(secret.token()) || isBlank(secret.encodingAesKey())) {
			throw new InvalidCallbackHandlerException(where + " needs the app's callback settings: set " + prefix
					+ ".callback.token and " + prefix + ".callback.encoding-aes-key (from the app's \"receive messages\" page)");
		}
		CallbackCrypto crypto = new CallbackCrypto(secret.token(), secret.encodingAesKey(), agent.corpId(), this.clock);
		CallbackEndpoint endpoint = new CallbackEndpoint(agent, crypto, dispatcher, this.deduplicator,
				(task) -> executor().execute(task), this.settings, this.clock);
		this.mapping.register(path, new CallbackRequestHandler(endpoint, this.observations));
		this.endpoints.put(agentName, endpoint);
		logger.info("WeCom callback endpoint of app '" + agentName + "' at " + path + ": " + dispatcher);
	}

	private synchronized ThreadPoolExecutor executor() {
		if (this.executor == null) {
			AtomicInteger threads = new AtomicInteger();
			int size = this.asyncSettings.threads();
			this.executor = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
					new ArrayBlockingQueue<>(this.asyncSettings.queueCapacity()), (task) -> {
						Thread thread = new Thread(task, "wxwork-callback-" + threads.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					});
			this.executor.allowCoreThreadTimeOut(true);
		}
		return this.executor;
	}

	/** The endpoints by app name, once the context is refreshed. */
	public Map<String, CallbackEndpoint> endpoints() {
		return Map.copyOf(this.endpoints);
	}

	@Override
	public void destroy() throws InterruptedException {
		ThreadPoolExecutor running;
		synchronized (this) {
			running = this.executor;
		}
		if (running != null) {
			// let acknowledged callbacks finish: WeCom will not send them again
			running.shutdown();
			if (!running.awaitTermination(this.asyncSettings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				// they were acknowledged, so WeCom will not send them again: name them for whoever must recover them
				List<Runnable> abandoned = running.shutdownNow();
				logger.warn("Async callback handlers still running after " + this.asyncSettings.shutdownTimeout()
						+ "; abandoning " + abandoned.size() + " queued callbacks: " + abandoned);
			}
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * An app's callback token and EncodingAESKey.
	 *
	 * @param token the callback Token
	 * @param encodingAesKey the callback EncodingAESKey
	 */
	public record CallbackSecret(String token, String encodingAesKey) {

		@Override
		public String toString() {
			return "CallbackSecret[******]";
		}

	}

	/**
	 * How async handlers run.
	 *
	 * @param threads the number of threads
	 * @param queueCapacity how many acknowledged callbacks may wait for a thread before WeCom is answered 503
	 * @param shutdownTimeout how long shutdown waits for running and queued handlers
	 */
	public record AsyncSettings(int threads, int queueCapacity, Duration shutdownTimeout) {

		public AsyncSettings {
			// checked at startup: the executor is made at the first async callback, too late to fail there
			if (threads < 1 || queueCapacity < 1) {
				throw new IllegalArgumentException("wxwork.callback.async-threads and wxwork.callback.async-queue-capacity "
						+ "must be at least 1, not " + threads + " and " + queueCapacity);
			}
		}

	}

}

package dev.wxwork.callback;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
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
public class CallbackEndpointRegistrar implements SmartInitializingSingleton, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(CallbackEndpointRegistrar.class);

	private final CallbackHandlerMapping mapping;

	private final WxWorkAgents agents;

	private final Function<String, CallbackSecret> secrets;

	private final CallbackDeduplicator deduplicator;

	private final CallbackEndpoint.Settings settings;

	private final CallbackHandOff handOff;

	private final Clock clock;

	private ObservationRegistry observations = ObservationRegistry.NOOP;

	private CallbackErrorHandler errorHandler;

	private ListableBeanFactory beanFactory;

	private final Map<String, CallbackEndpoint> endpoints = new LinkedHashMap<>();

	/**
	 * @param secrets the callback token and key of an app by name, null when they are not configured
	 * @param handOff where callbacks for async handlers go (a lifecycle bean of its own, which stops them)
	 */
	public CallbackEndpointRegistrar(CallbackHandlerMapping mapping, WxWorkAgents agents,
			Function<String, CallbackSecret> secrets, CallbackDeduplicator deduplicator,
			CallbackEndpoint.Settings settings, CallbackHandOff handOff, Clock clock) {
		this.mapping = mapping;
		this.agents = agents;
		this.secrets = secrets;
		this.deduplicator = deduplicator;
		this.settings = settings;
		this.handOff = handOff;
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
				this.handOff, this.settings, this.clock);
		this.mapping.register(path, new CallbackRequestHandler(endpoint, this.observations));
		this.endpoints.put(agentName, endpoint);
		logger.info("WeCom callback endpoint of app '" + agentName + "' at " + path + ": " + dispatcher);
	}

	/** The endpoints by app name, once the context is refreshed. */
	public Map<String, CallbackEndpoint> endpoints() {
		return Map.copyOf(this.endpoints);
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

}

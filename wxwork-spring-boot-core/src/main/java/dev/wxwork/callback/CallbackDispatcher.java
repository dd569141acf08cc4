package dev.wxwork.callback;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.event.WxWorkEvent;
import dev.wxwork.callback.message.WxWorkMessage;
import dev.wxwork.callback.reply.Reply;

/**
 * The immutable dispatch table of one app's endpoint: which handler takes a callback of which
 * MsgType / Event / ChangeType. Built once at startup from the {@link WxWorkCallback @WxWorkCallback}
 * beans of the app.
 */
public final class CallbackDispatcher {

	private static final String ALLOWED = "A callback handler may take, in any order: one message or event type "
			+ "(such as TextMessage, MenuClickEvent, CreateUserEvent or ChangeContactEvent, from "
			+ "dev.wxwork.callback.message / dev.wxwork.callback.event), CallbackMessage (the raw message) and "
			+ "WxWorkAgent (the app); an @OnOtherCallbacks handler takes no typed message. It returns void or a "
			+ "Reply (dev.wxwork.callback.reply), and void when it is async.";

	private final Map<CallbackKey, CallbackHandlerMethod> handlers;

	// by Event: the handlers of EventKeys, exact ones first, then prefixes from the longest
	private final Map<CallbackKey, List<EventKeyRoute>> eventKeyRoutes;

	private final CallbackHandlerMethod otherCallbacks;

	private final CallbackErrorHandler errorHandler;

	private CallbackDispatcher(Map<CallbackKey, CallbackHandlerMethod> handlers,
			Map<CallbackKey, List<EventKeyRoute>> eventKeyRoutes, CallbackHandlerMethod otherCallbacks,
			CallbackErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
		this.handlers = Map.copyOf(handlers);
		Map<CallbackKey, List<EventKeyRoute>> routes = new HashMap<>();
		eventKeyRoutes.forEach((key, list) -> routes.put(key, list.stream().sorted(EventKeyRoute.ORDER).toList()));
		this.eventKeyRoutes = Map.copyOf(routes);
		this.otherCallbacks = otherCallbacks;
	}

	/** A builder to which the handler beans of one app are added. */
	public static Builder builder(String agentName) {
		return new Builder(agentName);
	}

	/** The handler of a callback: of its ChangeType, else of its Event or MsgType, else the catch-all; or null. */
	CallbackHandlerMethod find(CallbackMessage message) {
		CallbackKey key = message.key();
		if (!this.eventKeyRoutes.isEmpty() && key.event() != null) {
			List<EventKeyRoute> routes = this.eventKeyRoutes.get(key.withoutChangeType());
			String eventKey = (routes != null) ? message.get("EventKey") : null;
			if (eventKey != null) {
				for (EventKeyRoute route : routes) {
					if (route.matches(eventKey) && route.handler().accepts(message)) {
						return route.handler();
					}
				}
			}
		}
		CallbackHandlerMethod handler = this.handlers.get(key);
		if (handler != null && handler.accepts(message)) {
			return handler;
		}
		if (key.changeType() != null) {
			handler = this.handlers.get(key.withoutChangeType());
			if (handler != null && handler.accepts(message)) {
				return handler;
			}
		}
		return this.otherCallbacks;
	}

	/**
	 * Where a callback goes that did not bind to its typed record and that no handler takes (there is no
	 * {@code @OnOtherCallbacks}): the application's own {@link CallbackErrorHandler}, or null.
	 */
	CallbackErrorHandler errorHandler() {
		return this.errorHandler;
	}

	/** Whether a handler is async, so that the app needs a hand-off. */
	public boolean hasAsyncHandlers() {
		return this.handlers.values().stream().anyMatch(CallbackHandlerMethod::isAsync)
				|| (this.otherCallbacks != null && this.otherCallbacks.isAsync());
	}

	/** Whether no handler is registered. */
	public boolean isEmpty() {
		return this.handlers.isEmpty() && this.eventKeyRoutes.isEmpty() && this.otherCallbacks == null;
	}

	@Override
	public String toString() {
		return "CallbackDispatcher" + this.handlers.keySet()
				+ (this.eventKeyRoutes.isEmpty() ? "" : " + EventKeys " + this.eventKeyRoutes.values())
				+ ((this.otherCallbacks != null) ? " + other callbacks" : "");
	}

	/** The handler of one EventKey, or of every EventKey with a prefix. */
	private record EventKeyRoute(String eventKey, boolean prefix, CallbackHandlerMethod handler) {

		static final java.util.Comparator<EventKeyRoute> ORDER = java.util.Comparator
			.comparing(EventKeyRoute::prefix)
			.thenComparing((route) -> -route.eventKey().length());

		static EventKeyRoute of(String pattern, CallbackHandlerMethod handler) {
			boolean prefix = pattern.endsWith("*");
			return new EventKeyRoute(prefix ? pattern.substring(0, pattern.length() - 1) : pattern, prefix, handler);
		}

		boolean matches(String value) {
			return this.prefix ? value.startsWith(this.eventKey) : value.equals(this.eventKey);
		}

		@Override
		public String toString() {
			return this.eventKey + (this.prefix ? "*" : "");
		}

	}

	/** Collects handler methods and checks each signature, failing with a message that names the method. */
	public static final class Builder {

		private final String agentName;

		private final Map<CallbackKey, CallbackHandlerMethod> handlers = new HashMap<>();

		private final Map<CallbackKey, List<EventKeyRoute>> eventKeyRoutes = new HashMap<>();

		private CallbackHandlerMethod otherCallbacks;

		private CallbackErrorHandler errorHandler;

		private Builder(String agentName) {
			this.agentName = agentName;
		}

		/** Adds the handler methods of a bean whose class (without proxies) is {@code userClass}. */
		public Builder add(Object bean, Class<?> userClass) {
			WxWorkCallback endpoint = AnnotatedElementUtils.findMergedAnnotation(userClass, WxWorkCallback.class);
			boolean classAsync = endpoint != null && endpoint.async();
			Map<Method, Boolean> methods = MethodIntrospector.selectMethods(userClass,
					(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandler(method) ? Boolean.TRUE : null);
			methods.keySet().forEach((method) -> addMethod(bean, method, classAsync));
			return this;
		}

		private static boolean isHandler(Method method) {
			return AnnotatedElementUtils.hasAnnotation(method, OnMessage.class)
					|| AnnotatedElementUtils.hasAnnotation(method, OnEvent.class)
					|| AnnotatedElementUtils.hasAnnotation(method, OnOtherCallbacks.class);
		}

		private void addMethod(Object bean, Method method, boolean classAsync) {
			String name = CallbackHandlerMethod.describe(method);
			OnMessage onMessage = AnnotatedElementUtils.findMergedAnnotation(method, OnMessage.class);
			OnEvent onEvent = AnnotatedElementUtils.findMergedAnnotation(method, OnEvent.class);
			OnOtherCallbacks other = AnnotatedElementUtils.findMergedAnnotation(method, OnOtherCallbacks.class);
			if ((onMessage != null ? 1 : 0) + (onEvent != null ? 1 : 0) + (other != null ? 1 : 0) > 1) {
				throw invalid(name, "it has more than one of @OnMessage, @OnEvent and @OnOtherCallbacks");
			}
			if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
				throw invalid(name, "it is static; a handler is an instance method of its @WxWorkCallback bean");
			}
			boolean async = classAsync || (onMessage != null && onMessage.async()) || (onEvent != null && onEvent.async())
					|| (other != null && other.async());
			Class<?>[] types = method.getParameterTypes();
			CallbackHandlerMethod.Argument[] arguments = new CallbackHandlerMethod.Argument[types.length];
			Class<?> payloadType = null;
			for (int i = 0; i < types.length; i++) {
				Class<?> type = types[i];
				if (type == CallbackMessage.class) {
					arguments[i] = CallbackHandlerMethod.Argument.MESSAGE;
				}
				else if (type == WxWorkAgent.class) {
					arguments[i] = CallbackHandlerMethod.Argument.AGENT;
				}
				else if (WxWorkMessage.class.isAssignableFrom(type) && payloadType == null && other == null) {
					arguments[i] = CallbackHandlerMethod.Argument.PAYLOAD;
					payloadType = type;
				}
				else {
					throw invalid(name, "parameter " + (i + 1) + " is a " + type.getName()
							+ (WxWorkMessage.class.isAssignableFrom(type) ? " (only one typed message, and none for @OnOtherCallbacks)" : ""));
				}
			}
			Class<?> returnType = method.getReturnType();
			if (returnType != void.class && !Reply.class.isAssignableFrom(returnType)) {
				throw invalid(name, "it returns " + returnType.getName());
			}
			if (async && returnType != void.class) {
				throw invalid(name, "it is async (acknowledged before it runs, so there is no reply to send) but returns "
						+ returnType.getSimpleName());
			}
			CallbackHandlerMethod handler = new CallbackHandlerMethod(bean, method, arguments, payloadType, async);
			if (other != null) {
				if (this.otherCallbacks != null) {
					throw new InvalidCallbackHandlerException("App '" + this.agentName + "' has two @OnOtherCallbacks handlers: "
							+ this.otherCallbacks + " and " + name + "; keep one");
				}
				this.otherCallbacks = handler;
				return;
			}
			String eventKey = (onEvent != null) ? onEvent.eventKey() : "";
			if (!eventKey.isEmpty()) {
				addEventKeyRoutes(name, eventKey, keys(name, onMessage, onEvent, payloadType), handler);
				return;
			}
			for (CallbackKey key : keys(name, onMessage, onEvent, payloadType)) {
				CallbackHandlerMethod existing = this.handlers.putIfAbsent(key, handler);
				if (existing != null) {
					throw new InvalidCallbackHandlerException("App '" + this.agentName + "' has two handlers for " + key
							+ ": " + existing + " and " + name + "; keep one");
				}
			}
		}

		private void addEventKeyRoutes(String name, String eventKey, List<CallbackKey> keys, CallbackHandlerMethod handler) {
			if (eventKey.equals("*") || eventKey.indexOf('*') < eventKey.length() - 1 && eventKey.indexOf('*') >= 0) {
				throw invalid(name, "eventKey '" + eventKey + "' may only end with '*' after a prefix");
			}
			for (CallbackKey key : keys) {
				if (key.changeType() != null) {
					throw invalid(name, "it names an eventKey and a ChangeType; events with a ChangeType carry no EventKey");
				}
				EventKeyRoute route = EventKeyRoute.of(eventKey, handler);
				List<EventKeyRoute> routes = this.eventKeyRoutes.computeIfAbsent(key, (event) -> new java.util.ArrayList<>());
				for (EventKeyRoute existing : routes) {
					if (existing.eventKey().equals(route.eventKey()) && existing.prefix() == route.prefix()) {
						throw new InvalidCallbackHandlerException("App '" + this.agentName + "' has two handlers for " + key
								+ " / EventKey " + route + ": " + existing.handler() + " and " + name + "; keep one");
					}
				}
				routes.add(route);
			}
		}

		private List<CallbackKey> keys(String name, OnMessage onMessage, OnEvent onEvent, Class<?> payloadType) {
			String value = (onMessage != null) ? onMessage.value() : onEvent.value();
			String changeType = (onEvent != null) ? onEvent.changeType() : "";
			if (value.isEmpty()) {
				if (!changeType.isEmpty()) {
					throw invalid(name, "@OnEvent has a changeType but no Event (value)");
				}
				if (payloadType == null) {
					throw invalid(name, "it names no " + ((onMessage != null) ? "MsgType" : "Event")
							+ " and takes no typed message to infer it from; write @"
							+ ((onMessage != null) ? "OnMessage(\"text\")" : "OnEvent(\"click\")") + " or take the type");
				}
				return inferredKeys(name, onMessage != null, payloadType);
			}
			if (onMessage != null && value.equals("event")) {
				throw invalid(name, "@OnMessage(\"event\") is written @OnEvent");
			}
			CallbackKey key = (onMessage != null) ? CallbackKey.message(value)
					: CallbackKey.change(value, changeType.isEmpty() ? null : changeType);
			if (payloadType != null) {
				checkPayloadFits(name, key, payloadType);
			}
			return List.of(key);
		}

		private List<CallbackKey> inferredKeys(String name, boolean message, Class<?> payloadType) {
			if (payloadType == WxWorkMessage.class || payloadType == WxWorkEvent.class) {
				throw invalid(name, payloadType.getSimpleName() + " stands for every type; name the type, or use @OnOtherCallbacks");
			}
			List<CallbackKey> keys = CallbackTypes.keysAssignableTo(payloadType);
			if (keys.isEmpty()) {
				throw invalid(name, payloadType.getName() + " is no type this library binds callbacks to");
			}
			boolean events = keys.get(0).event() != null;
			if (message == events) {
				throw invalid(name, payloadType.getSimpleName() + " is " + (events ? "an event: use @OnEvent" : "a message: use @OnMessage"));
			}
			// a family such as ChangeContactEvent takes the whole Event, so a handler of one ChangeType may coexist
			CallbackKey family = keys.get(0).withoutChangeType();
			boolean wholeFamily = keys.get(0).changeType() != null
					&& keys.stream().allMatch((key) -> key.withoutChangeType().equals(family))
					&& keys.size() == CallbackTypes.keysAssignableTo(WxWorkMessage.class).stream()
						.filter((key) -> key.withoutChangeType().equals(family)).count()
					&& !CallbackTypes.keyOf(payloadType).isPresent();
			return wholeFamily ? List.of(family) : keys;
		}

		private void checkPayloadFits(String name, CallbackKey key, Class<?> payloadType) {
			List<CallbackKey> candidates = (key.event() != null && key.changeType() == null)
					? CallbackTypes.all().keySet().stream().filter((known) -> key.equals(known.withoutChangeType())).toList()
					: List.of(key);
			if (candidates.isEmpty()) {
				throw invalid(name, "this library has no type for " + key + ", so it cannot pass a "
						+ payloadType.getSimpleName() + "; take CallbackMessage instead");
			}
			for (CallbackKey candidate : candidates) {
				Class<?> type = CallbackTypes.typeOf(candidate).orElse(null);
				if (type == null) {
					throw invalid(name, "this library has no type for " + key
							+ ", so it cannot pass a " + payloadType.getSimpleName() + "; take CallbackMessage instead");
				}
				if (!payloadType.isAssignableFrom(type)) {
					throw invalid(name, (candidate.equals(key) ? key + " brings a " : key + " also brings " + candidate + ", a ")
							+ type.getSimpleName() + ", which is not a " + payloadType.getSimpleName()
							+ "; take a type every one of them is, or name the ChangeType");
				}
			}
		}

		private static InvalidCallbackHandlerException invalid(String name, String problem) {
			return new InvalidCallbackHandlerException("Callback handler " + name + " cannot work: " + problem + ". " + ALLOWED);
		}

		/**
		 * Where callbacks go that did not bind to their typed record and that no handler takes; the
		 * library's default ({@link LoggingCallbackErrorHandler}) or null leaves them to the endpoint's log.
		 */
		public Builder errorHandler(CallbackErrorHandler errorHandler) {
			this.errorHandler = (errorHandler instanceof LoggingCallbackErrorHandler) ? null : errorHandler;
			return this;
		}

		/** The dispatch table. */
		public CallbackDispatcher build() {
			return new CallbackDispatcher(this.handlers, this.eventKeyRoutes, this.otherCallbacks, this.errorHandler);
		}

	}

}

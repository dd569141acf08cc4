package dev.wxwork.bot;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The immutable dispatch table of one bot: which handler takes a callback of which msgtype or
 * eventtype. Built once at startup from the {@link WxWorkBot @WxWorkBot} beans of the bot, checking
 * every signature.
 */
public final class BotDispatcher {

	private static final String ALLOWED = "A bot handler may take, in any order: one typed message or event "
			+ "(BotTextMessage, BotImageMessage, BotMixedMessage, BotVoiceMessage, BotFileMessage, BotEnterChatEvent, "
			+ "BotTemplateCardEvent, BotFeedbackEvent), BotCallback (the whole callback) and, for messages, BotStream "
			+ "(to push the answer itself, returning void). A message handler returns void, String, BotReply, "
			+ "Publisher<String> (such as Flux<String>), Stream<String> or Iterator<String>; an enter_chat handler "
			+ "void, String or BotReply; a template_card_event handler void or BotReply; a feedback_event handler void.";

	private static final Map<Class<?>, String> KEYS = Map.of(BotTextMessage.class, "message text",
			BotImageMessage.class, "message image", BotMixedMessage.class, "message mixed", BotVoiceMessage.class,
			"message voice", BotFileMessage.class, "message file", BotEnterChatEvent.class, "event enter_chat",
			BotTemplateCardEvent.class, "event template_card_event", BotFeedbackEvent.class, "event feedback_event");

	private final Map<String, BotHandlerMethod> handlers;

	private final BotHandlerMethod otherCallbacks;

	private BotDispatcher(Map<String, BotHandlerMethod> handlers, BotHandlerMethod otherCallbacks) {
		this.handlers = Map.copyOf(handlers);
		this.otherCallbacks = otherCallbacks;
	}

	/** A builder to which the handler beans of one bot are added. */
	public static Builder builder(String botName) {
		return new Builder(botName);
	}

	/** The handler of a callback: of its msgtype or eventtype, else the catch-all; or null. */
	BotHandlerMethod find(BotCallback callback) {
		String key = (callback.eventType() != null) ? "event " + callback.eventType() : "message " + callback.msgType();
		BotHandlerMethod handler = this.handlers.get(key);
		if (handler != null && handler.accepts(callback)) {
			return handler;
		}
		return this.otherCallbacks;
	}

	@Override
	public String toString() {
		return "BotDispatcher" + this.handlers.keySet().stream().sorted().toList()
				+ ((this.otherCallbacks != null) ? " + other callbacks" : "");
	}

	/** Collects handler methods and checks each signature, failing with a message that names the method. */
	public static final class Builder {

		private final String botName;

		private final Map<String, BotHandlerMethod> handlers = new HashMap<>();

		private BotHandlerMethod otherCallbacks;

		private Builder(String botName) {
			this.botName = botName;
		}

		/** Adds the handler methods of a bean whose class (without proxies) is {@code userClass}. */
		public Builder add(Object bean, Class<?> userClass) {
			Map<Method, Boolean> methods = MethodIntrospector.selectMethods(userClass,
					(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandler(method) ? Boolean.TRUE : null);
			methods.keySet().forEach((method) -> addMethod(bean, method));
			return this;
		}

		private static boolean isHandler(Method method) {
			return AnnotatedElementUtils.hasAnnotation(method, OnBotMessage.class)
					|| AnnotatedElementUtils.hasAnnotation(method, OnBotEvent.class)
					|| AnnotatedElementUtils.hasAnnotation(method, OnOtherBotCallbacks.class);
		}

		private void addMethod(Object bean, Method method) {
			String name = BotHandlerMethod.describe(method);
			OnBotMessage onMessage = AnnotatedElementUtils.findMergedAnnotation(method, OnBotMessage.class);
			OnBotEvent onEvent = AnnotatedElementUtils.findMergedAnnotation(method, OnBotEvent.class);
			boolean other = AnnotatedElementUtils.hasAnnotation(method, OnOtherBotCallbacks.class);
			if ((onMessage != null ? 1 : 0) + (onEvent != null ? 1 : 0) + (other ? 1 : 0) > 1) {
				throw invalid(name, "it has more than one of @OnBotMessage, @OnBotEvent and @OnOtherBotCallbacks");
			}
			Class<?>[] types = method.getParameterTypes();
			BotHandlerMethod.Argument[] arguments = new BotHandlerMethod.Argument[types.length];
			Class<?> payloadType = null;
			boolean takesStream = false;
			for (int i = 0; i < types.length; i++) {
				Class<?> type = types[i];
				if (type == BotCallback.class) {
					arguments[i] = BotHandlerMethod.Argument.CALLBACK;
				}
				else if (type == BotStream.class && onEvent == null && !takesStream) {
					arguments[i] = BotHandlerMethod.Argument.STREAM;
					takesStream = true;
				}
				else if (KEYS.containsKey(type) && payloadType == null && !other) {
					arguments[i] = BotHandlerMethod.Argument.PAYLOAD;
					payloadType = type;
				}
				else {
					throw invalid(name, "parameter " + (i + 1) + " is a " + type.getName()
							+ ((type == BotStream.class) ? " (one BotStream, and none for events)" : "")
							+ (KEYS.containsKey(type) ? " (only one typed message, and none for @OnOtherBotCallbacks)" : ""));
				}
			}
			String key = other ? null : key(name, onMessage, onEvent, payloadType);
			checkReturnType(name, method.getReturnType(), key, takesStream);
			BotHandlerMethod handler = new BotHandlerMethod(bean, method, arguments, payloadType);
			if (other) {
				if (this.otherCallbacks != null) {
					throw new InvalidBotHandlerException("Bot '" + this.botName + "' has two @OnOtherBotCallbacks handlers: "
							+ this.otherCallbacks + " and " + name + "; keep one");
				}
				this.otherCallbacks = handler;
				return;
			}
			BotHandlerMethod existing = this.handlers.putIfAbsent(key, handler);
			if (existing != null) {
				throw new InvalidBotHandlerException("Bot '" + this.botName + "' has two handlers for " + key + ": "
						+ existing + " and " + name + "; keep one");
			}
		}

		private String key(String name, OnBotMessage onMessage, OnBotEvent onEvent, Class<?> payloadType) {
			String value = (onMessage != null) ? onMessage.value() : onEvent.value();
			String kind = (onMessage != null) ? "message " : "event ";
			if (value.isEmpty()) {
				if (payloadType == null) {
					throw invalid(name, "it names no " + ((onMessage != null) ? "msgtype" : "eventtype")
							+ " and takes no typed message to infer it from; write @"
							+ ((onMessage != null) ? "OnBotMessage(\"text\")" : "OnBotEvent(\"enter_chat\")") + " or take the type");
				}
				String inferred = KEYS.get(payloadType);
				if (!inferred.startsWith(kind)) {
					throw invalid(name, payloadType.getSimpleName() + " is "
							+ (inferred.startsWith("event") ? "an event: use @OnBotEvent" : "a message: use @OnBotMessage"));
				}
				return inferred;
			}
			if (onMessage != null && (value.equals("event") || value.equals("stream"))) {
				throw invalid(name, value.equals("event") ? "@OnBotMessage(\"event\") is written @OnBotEvent"
						: "stream refresh polls are answered by the library from the stream's state");
			}
			String key = kind + value;
			if (payloadType != null && !key.equals(KEYS.get(payloadType))) {
				throw invalid(name, key + " does not bring a " + payloadType.getSimpleName());
			}
			return key;
		}

		private void checkReturnType(String name, Class<?> returnType, String key, boolean takesStream) {
			boolean isVoid = returnType == void.class;
			if (takesStream && !isVoid) {
				throw invalid(name, "it takes a BotStream, so its answer is what it pushes there, but it returns "
						+ returnType.getSimpleName() + "; return void");
			}
			boolean reply = BotReply.class.isAssignableFrom(returnType);
			boolean ok;
			if ("event feedback_event".equals(key)) {
				ok = isVoid;
			}
			else if ("event template_card_event".equals(key)) {
				ok = isVoid || reply;
			}
			else if (key != null && key.startsWith("event ")) {
				ok = isVoid || reply || returnType == String.class;
			}
			else {
				ok = isVoid || reply || returnType == String.class || BotAnswerSources.isStreaming(returnType);
			}
			if (!ok) {
				throw invalid(name, "it returns " + returnType.getName()
						+ (("event feedback_event".equals(key)) ? " (WeCom accepts only an empty answer to feedback_event)" : ""));
			}
		}

		private static InvalidBotHandlerException invalid(String name, String problem) {
			return new InvalidBotHandlerException("Bot handler " + name + " cannot work: " + problem + ". " + ALLOWED);
		}

		/** The dispatch table. */
		public BotDispatcher build() {
			return new BotDispatcher(this.handlers, this.otherCallbacks);
		}

	}

}

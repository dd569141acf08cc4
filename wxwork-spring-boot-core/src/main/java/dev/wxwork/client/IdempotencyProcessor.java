package dev.wxwork.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads each {@code @HttpExchange} method's {@link WeComCall} and hands the resulting
 * {@link Idempotency} to {@link WxWorkExchangeAdapter} for the call it makes. For a
 * {@link Idempotency#DUPLICATE_CHECKED} send it turns on WeCom's duplicate check (unless the caller
 * set {@code enable_duplicate_check} either way), and the call counts as idempotent only when the body
 * that goes out carries {@code enable_duplicate_check: 1}.
 * <p>
 * It wraps the API group that Spring's {@code HttpServiceProxyFactory} made and decides from the method
 * and its arguments before they reach Spring's proxy; its {@link #BODY} argument resolver then sends the
 * body that carries the check. This needs no hook of Spring Framework 7 ({@code HttpRequestValues.Processor}),
 * so the same core runs on Framework 6.2 (Boot 3.5) and 7.
 */
final class IdempotencyProcessor implements InvocationHandler {

	/**
	 * Sends, for the call running on this thread, the body with the duplicate check in place of the caller's:
	 * register it with {@code HttpServiceProxyFactory.Builder#customArgumentResolver}.
	 */
	static final HttpServiceArgumentResolver BODY = IdempotencyProcessor::resolveBody;

	private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

	private static final String ENABLE = "enable_duplicate_check";

	private static final String INTERVAL = "duplicate_check_interval";

	private final Object target;

	private final Duration duplicateCheckInterval;

	// what each method declares (null: nothing) and where its body is: looking up its merged annotation
	// on every call cost as much as a tenth of the library's own work per send
	private final Map<Method, Declaration> declarations;

	private IdempotencyProcessor(Object target, Duration duplicateCheckInterval, Map<Method, Declaration> declarations) {
		this.target = target;
		this.duplicateCheckInterval = duplicateCheckInterval;
		this.declarations = declarations;
	}

	/** {@code api} (made by {@code HttpServiceProxyFactory}) with the idempotency of each call handed on. */
	static <S> S wrap(Class<S> type, S api, Duration duplicateCheckInterval) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new IdempotencyProcessor(api, duplicateCheckInterval, new ConcurrentHashMap<>())));
	}

	/**
	 * What the method running on this thread declares, resolved for its arguments; null when it declares
	 * nothing (then its HTTP method decides) or when no API group method runs.
	 */
	static Idempotency current() {
		Call call = CURRENT.get();
		return (call != null) ? call.idempotency : null;
	}

	private static boolean resolveBody(Object argument, MethodParameter parameter, HttpRequestValues.Builder values) {
		Call call = CURRENT.get();
		if (call == null || call.body == null || argument != call.original
				|| !parameter.hasParameterAnnotation(RequestBody.class)) {
			return false;
		}
		values.setBodyValue(call.body);
		return true;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == arguments[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> this.target.toString();
			};
		}
		if (method.isDefault()) {
			// through this proxy, so that the calls it makes are handled here too
			return InvocationHandler.invokeDefault(proxy, method, arguments);
		}
		Declaration declaration = this.declarations.computeIfAbsent(method, Declaration::of);
		Call call = new Call(declaration.idempotency());
		if (call.idempotency == Idempotency.DUPLICATE_CHECKED) {
			withDuplicateCheck(declaration.body(), arguments, call);
		}
		Call outer = CURRENT.get();
		CURRENT.set(call);
		try {
			return method.invoke(this.target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		finally {
			if (outer != null) {
				CURRENT.set(outer);
			}
			else {
				CURRENT.remove();
			}
		}
	}

	// decides the call's idempotency, and the body to send instead of the caller's when it needs the check
	private void withDuplicateCheck(int body, Object[] arguments, Call call) {
		call.idempotency = Idempotency.NOT_IDEMPOTENT;
		if (body < 0 || arguments[body] == null) {
			return;
		}
		call.original = arguments[body];
		if (arguments[body] instanceof DuplicateCheckable message) {
			withDuplicateCheck(message, call);
			return;
		}
		JsonNode tree = WxWorkJson.mapper().valueToTree(arguments[body]);
		if (!(tree instanceof ObjectNode object)) {
			return;
		}
		JsonNode enabled = object.get(ENABLE);
		if (enabled != null && !enabled.isNull()) {
			// the caller chose: respect it
			call.idempotency = (enabled.asInt() == 1) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
			return;
		}
		if (this.duplicateCheckInterval.isZero()) {
			return;
		}
		object.put(ENABLE, 1);
		JsonNode interval = object.get(INTERVAL);
		if (interval == null || interval.isNull()) {
			object.put(INTERVAL, this.duplicateCheckInterval.toSeconds());
		}
		call.body = object;
		call.idempotency = Idempotency.IDEMPOTENT;
	}

	// the same decisions as for a JSON tree of the body, without making one
	private void withDuplicateCheck(DuplicateCheckable message, Call call) {
		Integer enabled = message.enableDuplicateCheck();
		if (enabled != null) {
			call.idempotency = (enabled == 1) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
			return;
		}
		if (this.duplicateCheckInterval.isZero()) {
			return;
		}
		call.body = message.withDuplicateCheck(this.duplicateCheckInterval.toSeconds());
		call.idempotency = Idempotency.IDEMPOTENT;
	}

	/** One call of an API group method: its idempotency, and the body to send in place of {@code original}. */
	private static final class Call {

		Idempotency idempotency;

		Object original;

		Object body;

		Call(Idempotency idempotency) {
			this.idempotency = idempotency;
		}

	}

	/**
	 * @param idempotency what the method declares, or null
	 * @param body the index of its {@code @RequestBody} parameter, or -1
	 */
	private record Declaration(Idempotency idempotency, int body) {

		static Declaration of(Method method) {
			ReflectionUtils.makeAccessible(method);
			WeComCall call = AnnotatedElementUtils.findMergedAnnotation(method, WeComCall.class);
			int body = -1;
			for (int i = 0; i < method.getParameterCount(); i++) {
				if (new MethodParameter(method, i).hasParameterAnnotation(RequestBody.class)) {
					body = i;
					break;
				}
			}
			return new Declaration((call != null) ? call.value() : null, body);
		}

	}

}

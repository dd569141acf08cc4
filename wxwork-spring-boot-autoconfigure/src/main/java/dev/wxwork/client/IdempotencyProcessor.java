package dev.wxwork.client;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.invoker.HttpRequestValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads each {@code @HttpExchange} method's {@link WeComCall} and hands the resulting
 * {@link Idempotency} to {@link WxWorkExchangeAdapter} as a request attribute. For a
 * {@link Idempotency#DUPLICATE_CHECKED} send it turns on WeCom's duplicate check (unless the caller
 * set {@code enable_duplicate_check} either way), and the call counts as idempotent only when the body
 * that goes out carries {@code enable_duplicate_check: 1}.
 */
final class IdempotencyProcessor implements HttpRequestValues.Processor {

	static final String ATTRIBUTE = Idempotency.class.getName();

	private static final String ENABLE = "enable_duplicate_check";

	private static final String INTERVAL = "duplicate_check_interval";

	private final Duration duplicateCheckInterval;

	// what each method declares: looking up its merged annotation on every call cost as much as a tenth
	// of the library's own work per send
	private final Map<Method, Idempotency> declarations = new ConcurrentHashMap<>();

	IdempotencyProcessor(Duration duplicateCheckInterval) {
		this.duplicateCheckInterval = duplicateCheckInterval;
	}

	@Override
	public void process(Method method, MethodParameter[] parameters, Object[] arguments,
			HttpRequestValues.Builder values) {
		HttpMethod httpMethod = values.getHttpMethod();
		Idempotency declared = this.declarations.computeIfAbsent(method, (key) -> declared(key, httpMethod));
		if (declared == Idempotency.DUPLICATE_CHECKED) {
			declared = withDuplicateCheck(parameters, arguments, values);
		}
		values.addAttribute(ATTRIBUTE, declared);
	}

	/** What the method declares, or what its HTTP method implies when it declares nothing. */
	static Idempotency declared(Method method, HttpMethod httpMethod) {
		WeComCall call = AnnotatedElementUtils.findMergedAnnotation(method, WeComCall.class);
		if (call != null) {
			return call.value();
		}
		return HttpMethod.GET.equals(httpMethod) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
	}

	private Idempotency withDuplicateCheck(MethodParameter[] parameters, Object[] arguments,
			HttpRequestValues.Builder values) {
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i].hasParameterAnnotation(RequestBody.class) && arguments[i] != null) {
				if (arguments[i] instanceof DuplicateCheckable message) {
					return withDuplicateCheck(message, values);
				}
				JsonNode body = WxWorkJson.mapper().valueToTree(arguments[i]);
				if (!(body instanceof ObjectNode object)) {
					return Idempotency.NOT_IDEMPOTENT;
				}
				JsonNode enabled = object.get(ENABLE);
				if (enabled != null && !enabled.isNull()) {
					// the caller chose: respect it
					return (enabled.asInt() == 1) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
				}
				if (this.duplicateCheckInterval.isZero()) {
					return Idempotency.NOT_IDEMPOTENT;
				}
				object.put(ENABLE, 1);
				JsonNode interval = object.get(INTERVAL);
				if (interval == null || interval.isNull()) {
					object.put(INTERVAL, this.duplicateCheckInterval.toSeconds());
				}
				values.setBodyValue(object);
				return Idempotency.IDEMPOTENT;
			}
		}
		return Idempotency.NOT_IDEMPOTENT;
	}

	// the same decisions as for a JSON tree of the body, without making one
	private Idempotency withDuplicateCheck(DuplicateCheckable message, HttpRequestValues.Builder values) {
		Integer enabled = message.enableDuplicateCheck();
		if (enabled != null) {
			return (enabled == 1) ? Idempotency.IDEMPOTENT : Idempotency.NOT_IDEMPOTENT;
		}
		if (this.duplicateCheckInterval.isZero()) {
			return Idempotency.NOT_IDEMPOTENT;
		}
		values.setBodyValue(message.withDuplicateCheck(this.duplicateCheckInterval.toSeconds()));
		return Idempotency.IDEMPOTENT;
	}

}

package dev.wxwork.client;

import java.lang.reflect.Method;
import java.time.Duration;

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

	IdempotencyProcessor(Duration duplicateCheckInterval) {
		this.duplicateCheckInterval = duplicateCheckInterval;
	}

	@Override
	public void process(Method method, MethodParameter[] parameters, Object[] arguments,
			HttpRequestValues.Builder values) {
		Idempotency declared = declared(method, values.getHttpMethod());
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

}

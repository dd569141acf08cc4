package dev.wxwork.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.wxwork.client.Idempotency;
import dev.wxwork.client.WeComCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps every endpoint method honest about retries: each {@code @HttpExchange} method of the library
 * declares with {@code @WeComCall} whether repeating it is harmless, so that none is retried after -1
 * by default, and every message send is either deduplicated or declared not idempotent.
 */
class CallDeclarationTest {

	@Test
	void everyEndpointMethodDeclaresWhetherItMayBeRetried() {
		List<String> undeclared = undeclared(ApiCatalog.libraryApiTypes());
		if (!undeclared.isEmpty()) {
			fail("These endpoint methods lack @WeComCall(Idempotency.…): say whether repeating them is harmless:\n  "
					+ String.join("\n  ", undeclared));
		}
	}

	@Test
	void theLibraryHasEndpointsToCheck() {
		assertThat(endpoints(ApiCatalog.libraryApiTypes())).hasSizeGreaterThan(100);
	}

	@Test
	void aDuplicateCheckedMethodHasABodyToCarryTheCheck() {
		for (Method method : endpoints(ApiCatalog.libraryApiTypes())) {
			WeComCall call = method.getAnnotation(WeComCall.class);
			if (call != null && call.value() == Idempotency.DUPLICATE_CHECKED) {
				assertThat(method.getParameters()).as(method.toString())
					.anySatisfy((parameter) -> assertThat(parameter.isAnnotationPresent(RequestBody.class)).isTrue());
			}
		}
	}

	@Test
	void reportsAnEndpointWithoutADeclaration() {
		assertThat(undeclared(List.of(Fixture.class))).containsExactly("CallDeclarationTest.Fixture.forgotten");
	}

	private static List<String> undeclared(Collection<Class<?>> types) {
		List<String> undeclared = new ArrayList<>();
		for (Method method : endpoints(types)) {
			if (method.getAnnotation(WeComCall.class) == null) {
				undeclared.add(method.getDeclaringClass().getName().replace(method.getDeclaringClass().getPackageName() + ".", "")
					.replace('$', '.') + "." + method.getName());
			}
		}
		return undeclared;
	}

	private static List<Method> endpoints(Collection<Class<?>> types) {
		List<Method> endpoints = new ArrayList<>();
		for (Class<?> type : types) {
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class)) {
					endpoints.add(method);
				}
			}
		}
		return endpoints;
	}

	@HttpExchange("/cgi-bin/thing")
	interface Fixture {

		@WeComCall(Idempotency.IDEMPOTENT)
		@GetExchange("/get")
		String declared();

		@PostExchange("/create")
		void forgotten(@RequestBody String body);

	}

}

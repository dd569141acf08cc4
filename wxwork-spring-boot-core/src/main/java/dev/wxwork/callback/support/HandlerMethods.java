package dev.wxwork.callback.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.util.ReflectionUtils;

/** The binding of callback and bot handler methods, resolved once at startup. */
public final class HandlerMethods {

	private HandlerMethods() {
	}

	/** How a handler method is named in logs and startup failures: class, name and parameter types. */
	public static String describe(Method method) {
		return method.getDeclaringClass().getName().replace('$', '.') + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	/**
	 * A method handle bound to the bean that takes the arguments as one {@code Object[]} and returns an
	 * {@code Object}, so that a call costs no reflective lookup.
	 * @param invocable the method as the bean (or its proxy) can be called with
	 * @param notAccessible the startup failure for a method that cannot be accessed, given the reason
	 */
	public static MethodHandle spreadingHandle(Object bean, Method invocable, int arity,
			Function<String, RuntimeException> notAccessible) {
		ReflectionUtils.makeAccessible(invocable);
		try {
			return MethodHandles.lookup()
				.unreflect(invocable)
				.bindTo(bean)
				.asType(MethodType.genericMethodType(arity))
				.asSpreader(Object[].class, arity);
		}
		catch (IllegalAccessException ex) {
			throw notAccessible.apply(ex.getMessage());
		}
	}

}

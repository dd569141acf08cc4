package dev.wxwork.bot;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.Arrays;

import org.springframework.aop.support.AopUtils;

import dev.wxwork.callback.support.HandlerMethods;

/**
 * One bot handler method, resolved once at startup: arguments known by position, called through a
 * bound method handle.
 */
final class BotHandlerMethod {

	enum Argument {

		PAYLOAD, CALLBACK, STREAM

	}

	private final String description;

	private final MethodHandle handle;

	private final Argument[] arguments;

	private final Class<?> payloadType;

	private final boolean takesStream;

	BotHandlerMethod(Object bean, Method method, Argument[] arguments, Class<?> payloadType) {
		this.description = describe(method);
		this.arguments = arguments;
		this.payloadType = payloadType;
		this.takesStream = Arrays.asList(arguments).contains(Argument.STREAM);
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		this.handle = HandlerMethods.spreadingHandle(bean, invocable, arguments.length,
				(reason) -> new InvalidBotHandlerException("Bot handler " + this.description + " is not accessible: " + reason));
	}

	static String describe(Method method) {
		return HandlerMethods.describe(method);
	}

	/** Whether this handler can take the callback: a typed parameter needs content of that type. */
	boolean accepts(BotCallback callback) {
		return this.payloadType == null || callback.payload().filter(this.payloadType::isInstance).isPresent();
	}

	/** Whether the handler pushes its answer through a {@link BotStream} argument. */
	boolean takesStream() {
		return this.takesStream;
	}

	/** Calls the handler; what it returned (null for void). */
	Object invoke(BotCallback callback, BotStream stream) throws Throwable {
		Object[] values = new Object[this.arguments.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (this.arguments[i]) {
				case PAYLOAD -> callback.payload().orElse(null);
				case CALLBACK -> callback;
				case STREAM -> stream;
			};
		}
		return this.handle.invokeExact(values);
	}

	@Override
	public String toString() {
		return this.description;
	}

}

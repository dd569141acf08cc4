package dev.wxwork.callback;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

import org.springframework.aop.support.AopUtils;

import dev.wxwork.callback.support.HandlerMethods;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.callback.message.WxWorkMessage;
import dev.wxwork.callback.reply.Reply;

/**
 * One handler method, resolved once at startup: its arguments are known by position and it is called
 * through a bound method handle, so a message costs no reflective lookup.
 */
final class CallbackHandlerMethod {

	enum Argument {

		PAYLOAD, MESSAGE, AGENT

	}

	private final String description;

	private final MethodHandle handle;

	private final Argument[] arguments;

	private final Class<?> payloadType;

	private final boolean async;

	CallbackHandlerMethod(Object bean, Method method, Argument[] arguments, Class<?> payloadType, boolean async) {
		this.description = describe(method);
		this.arguments = arguments;
		this.payloadType = payloadType;
		this.async = async;
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			// a private method of a proxied bean: the proxy cannot call it on its target
			throw new InvalidCallbackHandlerException("Callback handler " + this.description + " cannot be called "
					+ "through the bean's proxy (" + bean.getClass().getName() + "); make it public or package-private, "
					+ "not private");
		}
		this.handle = HandlerMethods.spreadingHandle(bean, invocable, arguments.length,
				(reason) -> new InvalidCallbackHandlerException("Callback handler " + this.description + " is not accessible: " + reason));
	}

	static String describe(Method method) {
		return HandlerMethods.describe(method);
	}

	/** Whether this handler can take the message: a typed parameter needs a message of that type. */
	boolean accepts(CallbackMessage message) {
		return this.payloadType == null || message.typed().filter(this.payloadType::isInstance).isPresent();
	}

	boolean isAsync() {
		return this.async;
	}

	/** Calls the handler; its passive reply, or null. */
	Reply invoke(CallbackMessage message, WxWorkAgent agent) throws Throwable {
		Object[] values = new Object[this.arguments.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (this.arguments[i]) {
				case PAYLOAD -> message.typed().map(WxWorkMessage.class::cast).orElse(null);
				case MESSAGE -> message;
				case AGENT -> agent;
			};
		}
		return (Reply) (Object) this.handle.invokeExact(values);
	}

	@Override
	public String toString() {
		return this.description;
	}

}

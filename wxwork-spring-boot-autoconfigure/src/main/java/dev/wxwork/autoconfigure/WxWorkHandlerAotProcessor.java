package dev.wxwork.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ReflectionUtils;

import dev.wxwork.bot.OnBotEvent;
import dev.wxwork.bot.OnBotMessage;
import dev.wxwork.bot.OnOtherBotCallbacks;
import dev.wxwork.bot.WxWorkBot;
import dev.wxwork.callback.OnEvent;
import dev.wxwork.callback.OnMessage;
import dev.wxwork.callback.OnOtherCallbacks;
import dev.wxwork.callback.WxWorkCallback;

/**
 * Reflection hints for the application's callback and bot handler classes: their handler methods are
 * found and invoked reflectively, and their parameter and return types are bound.
 */
class WxWorkHandlerAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final List<Class<? extends java.lang.annotation.Annotation>> HANDLERS = List.of(OnMessage.class,
			OnEvent.class, OnOtherCallbacks.class, OnBotMessage.class, OnBotEvent.class, OnOtherBotCallbacks.class);

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		List<Class<?>> handlerClasses = java.util.Arrays.stream(beanFactory.getBeanDefinitionNames())
			.map(beanFactory::getType)
			.filter((type) -> type != null)
			.map(org.springframework.util.ClassUtils::getUserClass)
			.filter((type) -> MergedAnnotations.from(type).isPresent(WxWorkCallback.class)
					|| MergedAnnotations.from(type).isPresent(WxWorkBot.class))
			.distinct()
			.toList();
		if (handlerClasses.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
			for (Class<?> type : handlerClasses) {
				reflection.registerType(type, MemberCategory.INTROSPECT_DECLARED_METHODS);
				ReflectionUtils.doWithMethods(type, (method) -> register(reflection, bindings, method),
						WxWorkHandlerAotProcessor::isHandler);
			}
		};
	}

	private static void register(ReflectionHints reflection, BindingReflectionHintsRegistrar bindings, Method method) {
		reflection.registerMethod(method, ExecutableMode.INVOKE);
		for (Class<?> parameter : method.getParameterTypes()) {
			if (!parameter.getName().startsWith("java.")) {
				bindings.registerReflectionHints(reflection, parameter);
			}
		}
		bindings.registerReflectionHints(reflection, method.getGenericReturnType());
	}

	private static boolean isHandler(Method method) {
		return HANDLERS.stream().anyMatch((annotation) -> AnnotatedElementUtils.hasAnnotation(method, annotation));
	}

}

package dev.wxwork.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Reflection hints for a native image: the records and classes that Jackson reads and writes (API
 * requests and responses, bot payloads, robot messages) and the callback models and replies, found by
 * scanning the library's packages at build time.
 */
class WxWorkRuntimeHints implements RuntimeHintsRegistrar {

	static final String[] BOUND_PACKAGES = { "dev.wxwork.api", "dev.wxwork.callback", "dev.wxwork.bot",
			"dev.wxwork.webhook", "dev.wxwork.token" };

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		for (Class<?> type : boundTypes(classLoader)) {
			bindings.registerReflectionHints(hints.reflection(), type);
			if (type.isInterface() && isHttpService(type)) {
				// API groups are JDK proxies made by Spring's HttpServiceProxyFactory
				hints.proxies().registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(type));
			}
		}
	}

	/** Every record, enum and concrete or abstract class in the bound packages. */
	static Set<Class<?>> boundTypes(ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return !definition.getMetadata().isAnnotation();
			}
		};
		scanner.addIncludeFilter((reader, readers) -> true);
		if (classLoader != null) {
			scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
		}
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String pkg : BOUND_PACKAGES) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
				String name = candidate.getBeanClassName();
				if (name != null && ClassUtils.isPresent(name, classLoader)) {
					Class<?> type = ClassUtils.resolveClassName(name, classLoader);
					if (type.isRecord() || type.isEnum() || isModel(type)) {
						types.add(type);
					}
				}
			}
		}
		return types;
	}

	private static boolean isHttpService(Class<?> type) {
		return java.util.Arrays.stream(type.getMethods())
			.anyMatch((method) -> AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class));
	}

	// message, event and reply classes of callbacks, and payloads of bots: plain data with accessors
	private static boolean isModel(Class<?> type) {
		String pkg = type.getPackageName();
		return pkg.startsWith("dev.wxwork.callback.") || pkg.startsWith("dev.wxwork.api.")
				|| type.getSimpleName().startsWith("Bot") && !type.getSimpleName().endsWith("Registrar")
						&& !type.getSimpleName().endsWith("Mapping") && !type.getSimpleName().endsWith("Dispatcher");
	}

}

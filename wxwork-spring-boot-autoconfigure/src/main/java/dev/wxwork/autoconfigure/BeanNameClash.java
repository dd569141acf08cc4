package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Names from configuration go into the application's one bean namespace. A bean the application
 * defines under that name wins when it is of the same type (a deliberate replacement); a bean of
 * another type means the name clashes, and the configured one would silently be dropped.
 */
final class BeanNameClash {

	private BeanNameClash() {
	}

	/**
	 * Whether {@code beanName} is free; false when the application defines a bean of {@code type} under it.
	 * @throws WxWorkConfigurationException naming {@code property} when another kind of bean holds the name
	 */
	static boolean isFree(BeanDefinitionRegistry registry, String beanName, Class<?> type, String property,
			ClassLoader classLoader) {
		if (!registry.containsBeanDefinition(beanName)) {
			return true;
		}
		String existingType = typeName(registry.getBeanDefinition(beanName));
		if (existingType != null && isAssignable(existingType, type, classLoader)) {
			return false;
		}
		throw new WxWorkConfigurationException("Invalid WeCom configuration:\n - " + property
				+ " makes a bean named '" + beanName + "', but the application already has a bean of that name"
				+ ((existingType != null) ? " (" + existingType + ")" : "")
				+ ": rename the entry under wxwork (the name is only used to pick it)");
	}

	private static String typeName(BeanDefinition definition) {
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				return factoryMethod.getReturnTypeName();
			}
		}
		return definition.getBeanClassName();
	}

	private static boolean isAssignable(String typeName, Class<?> type, ClassLoader classLoader) {
		try {
			return type.isAssignableFrom(ClassUtils.forName(typeName, classLoader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.wxwork.webhook.WxWorkWebhook;

/**
 * Registers one {@link WxWorkWebhook} bean per robot under {@code wxwork.webhooks}: named
 * {@code <name>Webhook}, so that a robot and an app may share a name, and qualified {@code <name>}, so
 * that {@code @Qualifier("ops") WxWorkWebhook ops} picks it. Each is {@code wxWorkWebhooks.get(name)} of
 * the {@code WxWorkWebhooks} bean.
 */
class WxWorkWebhookRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

	/** The suffix of a robot's bean name. */
	static final String BEAN_NAME_SUFFIX = "Webhook";

	private Environment environment;

	private ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Binder binder = Binder.get(this.environment);
		WxWorkPropertiesValidator.failOn(WxWorkPropertyNames.unknownKeys(binder, "wxwork.webhooks",
				WxWorkProperties.Webhook.class, "key and url"));
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(binder);
		properties.getWebhooks().keySet().forEach((name) -> {
			String beanName = name + BEAN_NAME_SUFFIX;
			if (!BeanNameClash.isFree(registry, beanName, WxWorkWebhook.class, "wxwork.webhooks." + name,
					this.classLoader)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(WxWorkWebhook.class);
			definition.setFactoryBeanName(WxWorkWebhookAutoConfiguration.WEBHOOKS_BEAN_NAME);
			definition.setFactoryMethodName("get");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			registry.registerBeanDefinition(beanName, definition);
		});
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.wxwork.agent.WxWorkAgent;

/**
 * Registers one {@link WxWorkAgent} bean per app under {@code wxwork.agents}, named after the app (so
 * {@code @Qualifier("<name>")} picks it). A {@link WxWorkAgent} bean of that name that the application
 * defines wins; a bean of another type under that name fails startup, as does a key no app has.
 */
class WxWorkAgentRegistrar
		implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

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
		WxWorkPropertiesValidator.failOn(WxWorkPropertyNames.unknownKeys(binder, "wxwork.agents",
				WxWorkProperties.Agent.class, "agent-id, secret, callback.token and callback.encoding-aes-key"));
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(binder);
		properties.getAgents().forEach((name, agent) -> {
			if (!BeanNameClash.isFree(registry, name, WxWorkAgent.class, "wxwork.agents." + name, this.classLoader)) {
				return;
			}
			if (!registry.containsBeanDefinition(WxWorkAgentBeans.BEAN_NAME)) {
				RootBeanDefinition agentBeans = new RootBeanDefinition(WxWorkAgentBeans.class);
				agentBeans.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
				registry.registerBeanDefinition(WxWorkAgentBeans.BEAN_NAME, agentBeans);
			}
			// a factory method, not an instance supplier, so that AOT processing can write it as code
			RootBeanDefinition definition = new RootBeanDefinition(WxWorkAgent.class);
			definition.setFactoryBeanName(WxWorkAgentBeans.BEAN_NAME);
			definition.setFactoryMethodName("agent");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			registry.registerBeanDefinition(name, definition);
		});
	}

}

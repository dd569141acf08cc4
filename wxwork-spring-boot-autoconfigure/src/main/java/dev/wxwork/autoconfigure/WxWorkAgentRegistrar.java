package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.agent.WxWorkAgentFactory;

/**
 * Registers one {@link WxWorkAgent} bean per app under {@code wxwork.agents}, named after the app (so
 * {@code @Qualifier("<name>")} picks it). A bean of that name that the application defines wins.
 */
class WxWorkAgentRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(this.environment));
		properties.getAgents().forEach((name, agent) -> {
			if (registry.containsBeanDefinition(name)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(WxWorkAgent.class, () -> this.beanFactory
				.getBean(WxWorkAgentFactory.class)
				.create(name, agent.getAgentId(), agent.getSecret()));
			registry.registerBeanDefinition(name, definition);
		});
	}

}

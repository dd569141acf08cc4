package dev.wxwork.autoconfigure;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.wxwork.bot.WxWorkBotClient;

/**
 * Registers one {@link WxWorkBotClient} bean per bot under {@code wxwork.bots}, qualified with the bot's
 * name, so {@code @Qualifier("<name>")} picks it. Its bean name is {@code wxwork.bots.<name>}, which
 * cannot clash with an app's agent bean (named after the app) or an application's bean.
 */
class WxWorkBotRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(this.environment));
		properties.getBots().keySet().forEach((name) -> {
			String beanName = "wxwork.bots." + name;
			if (registry.containsBeanDefinition(beanName)) {
				return;
			}
			if (!registry.containsBeanDefinition(WxWorkBotClients.BEAN_NAME)) {
				RootBeanDefinition clients = new RootBeanDefinition(WxWorkBotClients.class);
				clients.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
				registry.registerBeanDefinition(WxWorkBotClients.BEAN_NAME, clients);
			}
			// a factory method, not an instance supplier, so that AOT processing can write it as code
			RootBeanDefinition definition = new RootBeanDefinition(WxWorkBotClient.class);
			definition.setFactoryBeanName(WxWorkBotClients.BEAN_NAME);
			definition.setFactoryMethodName("client");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			registry.registerBeanDefinition(beanName, definition);
		});
	}

}

package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import dev.wxwork.callback.CallbackEndpointRegistrar;
import dev.wxwork.callback.WxWorkCallback;

/**
 * Makes sure no {@link WxWorkCallback @WxWorkCallback} class is silently left unserved (WeCom would get a
 * 404 for every callback): when the callback auto-configuration did not run, startup fails with the class
 * and the reason, or, when the application configures no {@code wxwork.*} at all (a failure would be
 * wrong there: the WeCom client is off on purpose), a warning says the same.
 */
class CallbackServingCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(CallbackServingCheck.class);

	private final ApplicationContext context;

	CallbackServingCheck(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ListableBeanFactory beans = this.context;
		if (beans.getBeanNamesForType(CallbackEndpointRegistrar.class, false, false).length > 0) {
			return;
		}
		List<String> classes = new ArrayList<>();
		for (String name : beans.getBeanNamesForAnnotation(WxWorkCallback.class)) {
			Class<?> type = beans.getType(name, false);
			if (type != null) {
				classes.add(ClassUtils.getUserClass(type).getName());
			}
		}
		if (classes.isEmpty()) {
			return;
		}
		if (!isWxWorkConfigured(this.context.getEnvironment())) {
			logger.warn("@WxWorkCallback " + classes + " will not be served (WeCom would get 404): neither "
					+ "wxwork.corp-id nor wxwork.agents is configured, so the WeCom auto-configuration backed off");
			return;
		}
		throw new WxWorkConfigurationException("@WxWorkCallback " + classes + " cannot be served, so WeCom would get "
				+ "404 for every callback: " + reason(this.context) + ". Remove the class, or run it in a Spring MVC "
				+ "(servlet) web application");
	}

	private static boolean isWxWorkConfigured(Environment environment) {
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(environment));
		return properties.getCorpId() != null || !properties.getAgents().isEmpty();
	}

	private static String reason(ApplicationContext context) {
		String noServlet = whyNoSpringMvc(context);
		if (noServlet != null) {
			return noServlet;
		}
		return "the WeCom callback auto-configuration backed off (no WxWorkAgents bean, or it was excluded; start "
				+ "with --debug for the condition evaluation report)";
	}

	/**
	 * Why this application cannot serve a callback over Spring MVC (reactive, no Spring MVC, not a servlet
	 * web application), or null when it is a Spring MVC application.
	 */
	static String whyNoSpringMvc(ApplicationContext context) {
		ClassLoader classLoader = context.getClassLoader();
		if (isReactive(context)) {
			return "the application is a reactive (WebFlux) web application; callbacks are served over Spring MVC only";
		}
		if (!ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", classLoader)) {
			return "Spring MVC is not on the classpath (add spring-boot-starter-webmvc)";
		}
		if (!(context instanceof WebApplicationContext)) {
			return "the application is not a servlet web application (spring.main.web-application-type, or no "
					+ "servlet container on the classpath)";
		}
		return null;
	}

	private static boolean isReactive(ApplicationContext context) {
		// Boot 4 and Boot 3.5 name this interface differently, and this source is compiled for both
		for (String name : new String[] { "org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext",
				"org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext" }) {
			if (ClassUtils.isPresent(name, context.getClassLoader())
					&& ClassUtils.resolveClassName(name, context.getClassLoader()).isInstance(context)) {
				return true;
			}
		}
		return false;
	}

}

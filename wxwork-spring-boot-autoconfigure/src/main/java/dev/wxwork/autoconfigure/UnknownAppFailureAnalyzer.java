package dev.wxwork.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.webhook.WxWorkWebhook;

/**
 * Explains a {@code @Qualifier} that names no configured app or robot ({@code @Qualifier("salse")}),
 * listing the names that are configured. It runs before Spring Boot's general analyzer, which would
 * create the app beans of a context that already failed, and fail itself.
 */
class UnknownAppFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private final Environment environment;

	UnknownAppFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = (cause.getBeanType() != null) ? cause.getBeanType() : null;
		boolean agent = WxWorkAgent.class.equals(type);
		if (!agent && !WxWorkWebhook.class.equals(type)) {
			return null;
		}
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(this.environment));
		Set<String> configured = agent ? properties.getAgents().keySet() : properties.getWebhooks().keySet();
		String group = agent ? "wxwork.agents" : "wxwork.webhooks";
		String what = agent ? "WeCom app" : "group robot";
		InjectionPoint injectionPoint = injectionPoint(rootFailure);
		Qualifier qualifier = (injectionPoint != null) ? injectionPoint.getAnnotation(Qualifier.class) : null;
		String wanted = (qualifier != null) ? "@Qualifier(\"" + qualifier.value() + "\")" : "the injection point";
		String where = (injectionPoint != null) ? " at " + injectionPoint : "";
		return new FailureAnalysis(
				"No " + what + " matches " + wanted + where + ". Configured under " + group + ": "
						+ (configured.isEmpty() ? "none" : String.join(", ", configured)) + ".",
				"Use one of the configured names in the @Qualifier, or add " + group + "."
						+ ((qualifier != null) ? qualifier.value() : "<name>") + " to the configuration.",
				cause);
	}

	private static InjectionPoint injectionPoint(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof UnsatisfiedDependencyException unsatisfied && unsatisfied.getInjectionPoint() != null) {
				return unsatisfied.getInjectionPoint();
			}
		}
		return null;
	}

}

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
import dev.wxwork.bot.WxWorkBotClient;
import dev.wxwork.webhook.WxWorkWebhook;

/**
 * Explains a {@code @Qualifier} that names no configured app, robot or bot ({@code @Qualifier("salse")}),
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
		Class<?> type = cause.getBeanType();
		WxWorkProperties properties = OnWxWorkConfiguredCondition.bind(Binder.get(this.environment));
		Set<String> configured;
		String group;
		String what;
		if (WxWorkAgent.class.equals(type)) {
			configured = properties.getAgents().keySet();
			group = "wxwork.agents";
			what = "WeCom app";
		}
		else if (WxWorkWebhook.class.equals(type)) {
			configured = properties.getWebhooks().keySet();
			group = "wxwork.webhooks";
			what = "group robot";
		}
		else if (WxWorkBotClient.class.equals(type)) {
			configured = properties.getBots().keySet();
			group = "wxwork.bots";
			what = "AI bot";
		}
		else {
			return null;
		}
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

package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application configures anything under {@code wxwork.webhooks}. */
class OnWebhooksConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (WxWorkPropertyNames.hasAnyUnder(context.getEnvironment(), "wxwork.webhooks")) {
			return ConditionOutcome.match("wxwork.webhooks is configured");
		}
		return ConditionOutcome.noMatch("wxwork.webhooks is not configured");
	}

}

package dev.wxwork.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application configures {@code wxwork.corp-id} or any app under {@code wxwork.agents}. */
class OnWxWorkConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		WxWorkProperties properties = bind(Binder.get(context.getEnvironment()));
		// an app with nothing but mistyped keys binds to nothing, and must still reach the validation
		if (properties.getCorpId() != null || !properties.getAgents().isEmpty()
				|| WxWorkPropertyNames.hasAnyUnder(context.getEnvironment(), "wxwork.agents")) {
			return ConditionOutcome.match("wxwork.corp-id or wxwork.agents is configured");
		}
		return ConditionOutcome.noMatch("neither wxwork.corp-id nor wxwork.agents is configured");
	}

	static WxWorkProperties bind(Binder binder) {
		return binder.bind("wxwork", Bindable.of(WxWorkProperties.class)).orElseGet(WxWorkProperties::new);
	}

}

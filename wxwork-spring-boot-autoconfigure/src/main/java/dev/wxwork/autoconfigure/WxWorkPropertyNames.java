package dev.wxwork.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * What the environment holds under the map-valued {@code wxwork.*} groups, beyond what binding shows:
 * a key no app or robot has ({@code wxwork.agents.demo.secrett}) binds to nothing and would otherwise
 * vanish silently, taking the whole app with it when it is the app's only key.
 */
final class WxWorkPropertyNames {

	private WxWorkPropertyNames() {
	}

	/** Whether any property (of any source, environment variables included) lies under this name. */
	static boolean hasAnyUnder(Environment environment, String name) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The keys under {@code group} (a map of {@code valueType} by name) that bind to nothing, each as a
	 * problem naming the property and the keys that exist.
	 */
	static List<String> unknownKeys(Binder binder, String group, Class<?> valueType, String knownKeys) {
		List<String> problems = new ArrayList<>();
		try {
			binder.bind(group, Bindable.of(ResolvableType.forClassWithGenerics(Map.class, String.class, valueType)),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		catch (BindException ex) {
			if (!(ex.getCause() instanceof UnboundConfigurationPropertiesException unbound)) {
				throw ex;
			}
			TreeSet<String> names = new TreeSet<>();
			for (ConfigurationProperty property : unbound.getUnboundProperties()) {
				names.add(property.getName().toString());
			}
			for (String name : names) {
				problems.add(name + " is not a known property (each entry of " + group + " takes " + knownKeys + ")");
			}
		}
		return problems;
	}

}

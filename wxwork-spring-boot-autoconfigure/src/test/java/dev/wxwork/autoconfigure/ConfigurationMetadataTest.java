package dev.wxwork.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the generated {@code META-INF/spring-configuration-metadata.json} really holds, which is what
 * IDEs complete from. Boot's format describes a map ({@code wxwork.agents}, {@code wxwork.webhooks}) as
 * one entry whose type names the value class; it cannot list {@code wxwork.agents.<name>.secret}. IDEs
 * that resolve the value class (IntelliJ IDEA, VS Code's Spring Boot Tools) complete its properties.
 */
class ConfigurationMetadataTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, JsonNode> properties() throws Exception {
		try (InputStream in = WxWorkProperties.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the generated metadata on the classpath").isNotNull();
			Map<String, JsonNode> byName = new HashMap<>();
			JSON.readTree(in).path("properties").forEach((property) -> byName.put(property.path("name").asString(), property));
			return byName;
		}
	}

	@Test
	void everyScalarPropertyHasAnEntryWithADescription() throws Exception {
		Map<String, JsonNode> properties = properties();
		for (String name : List.of("wxwork.corp-id", "wxwork.api-base-url", "wxwork.token-store", "wxwork.redis-key-prefix",
				"wxwork.http.connect-timeout", "wxwork.http.read-timeout", "wxwork.http.media-timeout",
				"wxwork.retry.max-attempts", "wxwork.token.refresh-ahead", "wxwork.callback.timestamp-tolerance",
				"wxwork.webhook-limit.enabled", "wxwork.webhook-limit.per-minute", "wxwork.webhook-limit.max-wait")) {
			assertThat(properties).as(name).containsKey(name);
			assertThat(properties.get(name).path("description").asString()).as(name + " description").isNotBlank();
		}
		assertThat(properties.get("wxwork.webhook-limit.per-minute").path("defaultValue").asInt()).isEqualTo(20);
	}

	@Test
	void appsAndRobotsAreMapsWhoseValueTypeIDEsResolve() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("wxwork.agents").path("type").asString())
			.isEqualTo("java.util.Map<java.lang.String,dev.wxwork.autoconfigure.WxWorkProperties$Agent>");
		assertThat(properties.get("wxwork.webhooks").path("type").asString())
			.isEqualTo("java.util.Map<java.lang.String,dev.wxwork.autoconfigure.WxWorkProperties$Webhook>");
		assertThat(properties.get("wxwork.agents").path("description").asString()).isNotBlank();
		assertThat(properties.get("wxwork.webhooks").path("description").asString()).isNotBlank();
		// the format has no entries under a map's values: this is the limit the README states
		assertThat(properties.keySet()).noneMatch((name) -> name.startsWith("wxwork.agents."))
			.noneMatch((name) -> name.startsWith("wxwork.webhooks."));
	}

	@Test
	void theValueTypesCarryTheDocumentedPropertiesAsJavaBeanProperties() throws Exception {
		// what an IDE introspects: setter-backed properties of the map's value class
		assertThat(beanProperties(WxWorkProperties.Agent.class)).contains("agentId", "secret", "callback");
		assertThat(beanProperties(WxWorkProperties.Callback.class)).contains("token", "encodingAesKey");
		assertThat(beanProperties(WxWorkProperties.Webhook.class)).contains("key", "url");
	}

	private static List<String> beanProperties(Class<?> type) throws Exception {
		return java.util.Arrays.stream(java.beans.Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
			.filter((property) -> property.getReadMethod() != null)
			.map(java.beans.PropertyDescriptor::getName)
			.toList();
	}

}

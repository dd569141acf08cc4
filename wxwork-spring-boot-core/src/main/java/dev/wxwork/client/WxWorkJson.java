package dev.wxwork.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own JSON mapper. It is never a bean and never the application's mapper, so an
 * application's Jackson settings (naming strategy, inclusion, failure on unknown properties) cannot
 * change what is sent to or read from WeCom.
 */
public final class WxWorkJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		// WeCom names fields in snake_case (main_department, external_userid): map them once, here.
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		// WeCom adds fields without notice; an unknown one must never fail a call.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private WxWorkJson() {
	}

	/** The shared, immutable mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}

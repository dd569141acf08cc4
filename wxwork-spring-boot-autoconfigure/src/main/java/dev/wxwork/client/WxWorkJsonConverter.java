package dev.wxwork.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes WeCom JSON with the library's own mapper, and turns a non-zero {@code errcode}
 * into a {@link WxWorkApiException} before the answer is bound to its type.
 */
final class WxWorkJsonConverter extends JacksonJsonHttpMessageConverter {

	private final JsonMapper mapper;

	WxWorkJsonConverter(JsonMapper mapper) {
		super(mapper);
		this.mapper = mapper;
		// WeCom sometimes labels JSON answers text/plain.
		setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
				MediaType.TEXT_PLAIN));
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage inputMessage, Map<String, Object> hints)
			throws IOException {
		JsonNode tree = this.mapper.readTree(inputMessage.getBody());
		WxWorkResponses.check(tree, null);
		if (JsonNode.class.isAssignableFrom(type.toClass())) {
			return tree;
		}
		return this.mapper.treeToValue(tree, this.mapper.constructType(type.getType()));
	}

}

package dev.wxwork.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
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
		JsonNode tree;
		try {
			tree = this.mapper.readTree(inputMessage.getBody());
		}
		catch (JacksonException ex) {
			throw unreadable("WeCom's answer is not JSON", ex, inputMessage);
		}
		WxWorkResponses.check(tree, null);
		if (JsonNode.class.isAssignableFrom(type.toClass())) {
			return tree;
		}
		try {
			return this.mapper.treeToValue(tree, this.mapper.constructType(type.getType()));
		}
		catch (JacksonException ex) {
			throw unreadable("WeCom's answer does not fit " + type.toClass().getSimpleName(), ex, inputMessage);
		}
	}

	// Jackson's own message quotes the input around the failure, which may hold a ticket or other
	// credential: keep only what went wrong, and no cause that would print the rest.
	private static HttpMessageNotReadableException unreadable(String what, JacksonException ex,
			HttpInputMessage inputMessage) {
		return new HttpMessageNotReadableException(what + " (" + ex.getClass().getSimpleName() + ")", inputMessage);
	}

}

package dev.wxwork.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes WeCom JSON with the library's own mapper, and turns a non-zero {@code errcode}
 * into a {@link WxWorkApiException} before the answer is bound to its type.
 * <p>
 * Built on Spring Framework's {@link AbstractSmartHttpMessageConverter} (6.2 and 7), not on a Jackson
 * converter of Spring's: Framework 6.2 has none for Jackson 3, and the application's own Jackson
 * (2 on Boot 3.5, 3 on Boot 4) must never shape what is sent to WeCom.
 */
final class WxWorkJsonConverter extends AbstractSmartHttpMessageConverter<Object> {

	private final JsonMapper mapper;

	WxWorkJsonConverter(JsonMapper mapper) {
		// WeCom sometimes labels JSON answers text/plain.
		super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"), MediaType.TEXT_PLAIN);
		this.mapper = mapper;
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return true;
	}

	@Override
	public boolean canRead(ResolvableType type, MediaType mediaType) {
		return canRead(mediaType);
	}

	@Override
	public boolean canWrite(ResolvableType targetType, Class<?> valueClass, MediaType mediaType) {
		return canWrite(mediaType);
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

	@Override
	protected void writeInternal(Object body, ResolvableType type, HttpOutputMessage outputMessage,
			Map<String, Object> hints) throws IOException {
		try {
			// the declared type, unless the body was replaced by another (a JSON tree carrying the duplicate check)
			Class<?> declared = (type != null) ? type.resolve() : null;
			if (declared != null && declared != Object.class && declared.isInstance(body)) {
				this.mapper.writerFor(this.mapper.constructType(type.getType()))
					.writeValue(outputMessage.getBody(), body);
			}
			else {
				this.mapper.writeValue(outputMessage.getBody(), body);
			}
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotWritableException(
					"Cannot write " + body.getClass().getSimpleName() + " as JSON (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** Puts this converter where the first JSON converter of {@code converters} was, and drops the others. */
	void replaceJsonConverters(List<HttpMessageConverter<?>> converters) {
		int position = -1;
		for (int i = converters.size() - 1; i >= 0; i--) {
			if (converters.get(i).getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON)) {
				converters.remove(i);
				position = i;
			}
		}
		converters.add((position >= 0) ? position : converters.size(), this);
	}

	// Jackson's own message quotes the input around the failure, which may hold a ticket or other
	// credential: keep only what went wrong, and no cause that would print the rest.
	private static HttpMessageNotReadableException unreadable(String what, JacksonException ex,
			HttpInputMessage inputMessage) {
		return new HttpMessageNotReadableException(what + " (" + ex.getClass().getSimpleName() + ")", inputMessage);
	}

}

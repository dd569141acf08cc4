package dev.wxwork.callback.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads WeCom's comma-separated lists ({@code <Department><![CDATA[1,2]]></Department>}) as lists; an
 * empty value is an empty list.
 */
public abstract class CommaSeparated<T> extends ValueDeserializer<List<T>> {

	private final Function<String, T> element;

	CommaSeparated(Function<String, T> element) {
		this.element = element;
	}

	@Override
	public List<T> deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			return context.reportInputMismatch(this, "expected a comma-separated list");
		}
		String text = parser.getString();
		List<T> values = new ArrayList<>();
		for (String part : text.split(",")) {
			String trimmed = part.trim();
			if (!trimmed.isEmpty()) {
				values.add(this.element.apply(trimmed));
			}
		}
		return List.copyOf(values);
	}

	@Override
	public List<T> getNullValue(DeserializationContext context) {
		return null;
	}

	/** Comma-separated numbers, such as department ids. */
	public static final class Longs extends CommaSeparated<Long> {

		public Longs() {
			super(Long::valueOf);
		}

	}

	/** Comma-separated small numbers, such as leader flags. */
	public static final class Integers extends CommaSeparated<Integer> {

		public Integers() {
			super(Integer::valueOf);
		}

	}

	/** Comma-separated strings, such as userids. */
	public static final class Strings extends CommaSeparated<String> {

		public Strings() {
			super(Function.identity());
		}

	}

}

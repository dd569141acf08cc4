package dev.wxwork.api.message;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a list of ids that WeCom sends either as one {@code "a|b|c"} string (the answer of
 * {@code message/send}, {@code tag/addtagusers}) or as a JSON array (the answer of
 * {@code message/update_template_card}), so that callers always get a list and never parse bars.
 */
public final class PipeSeparatedList extends ValueDeserializer<List<String>> {

	@Override
	public List<String> deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode element : node) {
				add(values, element.asString());
			}
		}
		else if (!node.isNull()) {
			for (String value : node.asString().split("\\|")) {
				add(values, value);
			}
		}
		return List.copyOf(values);
	}

	@Override
	public Object getNullValue(DeserializationContext context) {
		return List.of();
	}

	@Override
	public Object getAbsentValue(DeserializationContext context) {
		return List.of();
	}

	// WeCom pads the bars with spaces in some answers ("a | b") and sends "" when nothing failed.
	private static void add(List<String> values, String value) {
		String trimmed = value.trim();
		if (!trimmed.isEmpty()) {
			values.add(trimmed);
		}
	}

	/** Joins ids with bars, as WeCom's {@code touser}, {@code toparty} and {@code totag} take them. */
	static String join(Iterable<?> ids) {
		StringBuilder joined = new StringBuilder();
		for (Object id : ids) {
			if (!joined.isEmpty()) {
				joined.append('|');
			}
			joined.append(id);
		}
		return joined.toString();
	}

}

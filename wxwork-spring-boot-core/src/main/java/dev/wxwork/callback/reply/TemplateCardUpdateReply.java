package dev.wxwork.callback.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.wxwork.crypto.CallbackXml;

/**
 * Answers a template card click ({@code template_card_event}) by replacing the whole card, for the
 * member who clicked ({@code update_template_card}, doc 90241).
 * <p>
 * The card is given with WeCom's XML element names, such as {@code CardType}, {@code MainTitle} with
 * {@code Title}; a map becomes an element with children, a list repeats its element once per entry,
 * other values become text.
 *
 * @param templateCard the card's elements, in order
 */
public record TemplateCardUpdateReply(Map<String, Object> templateCard) implements Reply {

	private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public TemplateCardUpdateReply {
		templateCard = new LinkedHashMap<>(templateCard);
		checkNames(templateCard);
	}

	private static void checkNames(Object value) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((name, child) -> {
				// element names come from code, but must never let a value break out of its element
				if (!(name instanceof String text) || !ELEMENT_NAME.matcher(text).matches()) {
					throw new IllegalArgumentException("Not an XML element name: " + name);
				}
				checkNames(child);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach(TemplateCardUpdateReply::checkNames);
		}
	}

	@Override
	public String msgType() {
		return "update_template_card";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		append(xml, "TemplateCard", this.templateCard);
	}

	private static void append(StringBuilder xml, String name, Object value) {
		if (value instanceof Map<?, ?> map) {
			xml.append('<').append(name).append('>');
			map.forEach((childName, child) -> append(xml, (String) childName, child));
			xml.append("</").append(name).append('>');
		}
		else if (value instanceof List<?> list) {
			list.forEach((entry) -> append(xml, name, entry));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
		}
		else if (value != null) {
			CallbackXml.appendText(xml, name, value.toString());
		}
	}

}

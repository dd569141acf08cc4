package dev.wxwork.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.crypto.CallbackCryptoException.Reason;

/**
 * The one XML reader and writer of WeCom's callback format, for the sealed envelope and the message
 * inside it alike.
 * <p>
 * WeCom's callbacks use a small subset of XML: elements, text, CDATA sections, the five predefined
 * entities and character references. This reader reads exactly that subset and refuses everything
 * else, so the XXE holes of older WeChat SDKs (CVE-2018-20318, CVE-2019-5312) cannot exist here: a
 * {@code <!DOCTYPE} (or any other declaration) is refused, and there is no DTD, entity or URL resolving
 * to misconfigure. It is also why it is cheap: a JDK StAX reader costs several microseconds to create,
 * and a callback parses twice (envelope and message). Processing instructions, comments and
 * attributes are skipped; nesting is bounded.
 * <p>
 * The tree keeps WeCom's element names. An element with child elements becomes an object, a leaf its
 * text, repeated siblings an array, and a list wrapper whose children are all list items
 * ({@code PicList/item}, {@code SelectedItems/SelectedItem}, {@code OptionIds/OptionId},
 * {@code ExtAttr/Item}, ...) the array of those items.
 */
public final class CallbackXml {

	private static final int MAX_DEPTH = 16;

	private static final int REPLACEMENT = 0xFFFD;

	// WeCom's list wrappers hold children with one of these names; see the class comment.
	private static final Set<String> LIST_ITEM_NAMES = Set.of("item", "Item", "SelectedItem", "OptionId",
			"ApprovalNode", "NotifyNode");

	private final String xml;

	private int position;

	private CallbackXml(String xml) {
		this.xml = xml;
		// a byte order mark may open the document, and nothing else before the prolog
		this.position = (!xml.isEmpty() && xml.charAt(0) == '\uFEFF') ? 1 : 0;
	}

	/** Reads UTF-8 XML bytes into a tree of WeCom's element names. */
	public static ObjectNode read(byte[] xml) {
		return read(new String(xml, StandardCharsets.UTF_8));
	}

	/**
	 * Reads XML text into a tree of WeCom's element names.
	 * @throws CallbackCryptoException ({@link Reason#XML}) when it is malformed, has a DOCTYPE or nests too deep
	 */
	public static ObjectNode read(String xml) {
		try {
			return new CallbackXml(xml).document();
		}
		catch (IndexOutOfBoundsException ex) {
			throw malformed("it ends early");
		}
	}

	private ObjectNode document() {
		ArrayDeque<Element> open = new ArrayDeque<>();
		Element root = null;
		int length = this.xml.length();
		while (this.position < length) {
			char c = this.xml.charAt(this.position);
			if (c != '<') {
				int end = this.xml.indexOf('<', this.position);
				end = (end < 0) ? length : end;
				if (open.isEmpty()) {
					if (!this.xml.substring(this.position, end).isBlank()) {
						throw malformed("text outside the root element");
					}
				}
				else if (!open.peek().children) {
					// text beside child elements (indentation) is never kept, so it is not decoded either
					open.peek().text(decode(this.position, end));
				}
				this.position = end;
			}
			else if (this.xml.startsWith("<![CDATA[", this.position)) {
				int end = this.xml.indexOf("]]>", this.position + 9);
				if (end < 0 || open.isEmpty()) {
					throw malformed("a CDATA section is unterminated or outside the root element");
				}
				if (!open.peek().children) {
					open.peek().text(xmlCharacters(this.xml.substring(this.position + 9, end)));
				}
				this.position = end + 3;
			}
			else if (this.xml.startsWith("<!--", this.position)) {
				skipPast(4, "-->");
			}
			else if (this.xml.startsWith("<!", this.position)) {
				// DOCTYPE, ENTITY, ...: never needed by WeCom, and the root of every XXE
				throw malformed("it has a DOCTYPE or another declaration");
			}
			else if (this.xml.startsWith("<?", this.position)) {
				skipPast(2, "?>");
			}
			else if (this.xml.startsWith("</", this.position)) {
				String name = name(this.position + 2);
				skipSpaceTo('>');
				if (open.isEmpty() || !open.peek().name.equals(name)) {
					throw malformed("an end tag does not match its start tag");
				}
				Element element = open.pop();
				if (open.isEmpty()) {
					root = element;
				}
				else {
					open.peek().add(element.name, element.value());
				}
			}
			else {
				if (root != null || open.size() >= MAX_DEPTH) {
					throw malformed("it has a second root element or nests too deep");
				}
				Element element = new Element(name(this.position + 1));
				boolean empty = skipAttributes();
				if (!open.isEmpty()) {
					open.peek().hasChildren();
				}
				if (empty) {
					if (open.isEmpty()) {
						root = element;
					}
					else {
						open.peek().add(element.name, element.value());
					}
				}
				else {
					open.push(element);
				}
			}
		}
		if (root == null || !open.isEmpty()) {
			throw malformed("it has no complete root element");
		}
		return root.object();
	}

	private String name(int start) {
		int end = start;
		while (end < this.xml.length() && isNameChar(this.xml.charAt(end))) {
			end++;
		}
		if (end == start) {
			throw malformed("a tag has no name");
		}
		this.position = end;
		return this.xml.substring(start, end);
	}

	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
				|| c == '.' || c == ':' || c > 0x7f;
	}

	/** Skips the attributes of a start tag (WeCom sends none); whether the tag was empty ({@code />}). */
	private boolean skipAttributes() {
		while (true) {
			char c = this.xml.charAt(this.position);
			if (c == '>') {
				this.position++;
				return false;
			}
			if (c == '/' && this.xml.charAt(this.position + 1) == '>') {
				this.position += 2;
				return true;
			}
			if (c == '"' || c == '\'') {
				int end = this.xml.indexOf(c, this.position + 1);
				if (end < 0) {
					throw malformed("an attribute value is unterminated");
				}
				this.position = end + 1;
			}
			else if (c == '<') {
				throw malformed("a tag is unterminated");
			}
			else {
				this.position++;
			}
		}
	}

	private void skipSpaceTo(char expected) {
		while (Character.isWhitespace(this.xml.charAt(this.position))) {
			this.position++;
		}
		if (this.xml.charAt(this.position) != expected) {
			throw malformed("a tag is malformed");
		}
		this.position++;
	}

	private void skipPast(int openerLength, String terminator) {
		// searched after the opener, so that "<!-->" does not close itself
		int end = this.xml.indexOf(terminator, this.position + openerLength);
		if (end < 0) {
			throw malformed("a comment or processing instruction is unterminated");
		}
		this.position = end + terminator.length();
	}

	/** Text with the predefined entities and character references resolved; any other entity is refused. */
	private String decode(int start, int end) {
		// searched within the text only: searching to the document's end for every text made the
		// (unauthenticated) envelope cost the square of its length
		int amp = indexOf('&', start, end);
		if (amp < 0) {
			return xmlCharacters(this.xml.substring(start, end));
		}
		StringBuilder text = new StringBuilder(end - start);
		int from = start;
		while (amp >= 0) {
			text.append(this.xml, from, amp);
			int semicolon = indexOf(';', amp, Math.min(end, amp + 11));
			if (semicolon < 0) {
				throw malformed("an entity reference is unterminated");
			}
			String entity = this.xml.substring(amp + 1, semicolon);
			switch (entity) {
				case "lt" -> text.append('<');
				case "gt" -> text.append('>');
				case "amp" -> text.append('&');
				case "quot" -> text.append('"');
				case "apos" -> text.append('\'');
				default -> text.appendCodePoint(characterReference(entity));
			}
			from = semicolon + 1;
			amp = indexOf('&', from, end);
		}
		return xmlCharacters(text.append(this.xml, from, end).toString());
	}

	private int indexOf(char wanted, int from, int end) {
		for (int i = from; i < end; i++) {
			if (this.xml.charAt(i) == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int characterReference(String entity) {
		boolean hex = entity.startsWith("#x");
		int digits = hex ? 2 : 1;
		int radix = hex ? 16 : 10;
		// parseInt would also take a sign
		if (entity.startsWith("#") && entity.length() > digits && Character.digit(entity.charAt(digits), radix) >= 0) {
			try {
				int codePoint = Integer.parseInt(entity, digits, entity.length(), radix);
				if (codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT) {
					// a reference to a character XML forbids reads like that character written raw
					return isXmlCharacter(codePoint) ? codePoint : REPLACEMENT;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw malformed("it refers to an entity that XML does not predefine, or to no character at all");
	}

	// XML 1.0's Char production: no NUL, no other C0 control but tab, LF and CR, no surrogate, no U+FFFE or U+FFFF
	private static boolean isXmlCharacter(int codePoint) {
		return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD || (codePoint >= 0x20 && codePoint <= 0xD7FF)
				|| (codePoint >= 0xE000 && codePoint <= 0xFFFD) || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
	}

	/**
	 * The text with every character XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE;
	 * U+FFFF; unpaired surrogates) replaced by U+FFFD, the same text when it holds none.
	 * <p>
	 * Replaced rather than dropped, so that a reader sees that something was there. The reader applies it
	 * to raw and escaped ({@code &#1;}) characters alike, and the writer to every value, so that a reply
	 * (an echo of a text holding BEL, say) is always a document any XML parser accepts.
	 */
	public static String xmlCharacters(String text) {
		int length = text.length();
		int i = 0;
		while (i < length && isPlainXmlCharacter(text.charAt(i))) {
			i++;
		}
		if (i == length) {
			return text;
		}
		StringBuilder clean = new StringBuilder(length).append(text, 0, i);
		while (i < length) {
			char c = text.charAt(i);
			if (isPlainXmlCharacter(c)) {
				clean.append(c);
				i++;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				clean.append(c).append(text.charAt(i + 1));
				i += 2;
			}
			else {
				clean.append((char) REPLACEMENT);
				i++;
			}
		}
		return clean.toString();
	}

	// an XML character that is no surrogate: everything but a pair of surrogates can be judged alone
	private static boolean isPlainXmlCharacter(char c) {
		return (c >= 0x20 && c <= 0xD7FF) || c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD);
	}

	private static CallbackCryptoException malformed(String why) {
		return new CallbackCryptoException(Reason.XML, "the XML is malformed or has a DOCTYPE (" + why + ")");
	}

	/**
	 * Appends {@code <name><![CDATA[value]]></name>}, keeping a {@code ]]>} inside the value intact and
	 * replacing characters XML forbids by U+FFFD ({@link #xmlCharacters}).
	 */
	public static StringBuilder appendText(StringBuilder xml, String name, String text) {
		xml.append('<').append(name).append("><![CDATA[");
		if (text != null) {
			String value = xmlCharacters(text);
			int from = 0;
			int end;
			while ((end = value.indexOf("]]>", from)) >= 0) {
				xml.append(value, from, end).append("]]]]><![CDATA[>");
				from = end + 3;
			}
			xml.append(value, from, value.length());
		}
		return xml.append("]]></").append(name).append('>');
	}

	/** Appends {@code <name>number</name>}. */
	public static StringBuilder appendNumber(StringBuilder xml, String name, long value) {
		return xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
	}

	private static final class Element {

		private final String name;

		private String firstText;

		private StringBuilder text;

		private boolean children;

		private ObjectNode node;

		private String onlyChildName;

		private boolean sameChildNames = true;

		private Set<String> repeatedNames;

		Element(String name) {
			this.name = name;
		}

		void hasChildren() {
			this.children = true;
			this.firstText = null;
			this.text = null;
		}

		void text(String chunk) {
			if (this.firstText == null) {
				this.firstText = chunk;
				return;
			}
			if (this.text == null) {
				this.text = new StringBuilder(this.firstText);
			}
			this.text.append(chunk);
		}

		ObjectNode object() {
			if (this.node == null) {
				this.node = JsonNodeFactory.instance.objectNode();
			}
			return this.node;
		}

		void add(String childName, JsonNode value) {
			if (this.onlyChildName == null) {
				this.onlyChildName = childName;
			}
			else if (!this.onlyChildName.equals(childName)) {
				this.sameChildNames = false;
			}
			ObjectNode object = object();
			JsonNode existing = object.get(childName);
			if (existing == null) {
				object.set(childName, value);
			}
			else if (this.repeatedNames != null && this.repeatedNames.contains(childName)) {
				((ArrayNode) existing).add(value);
			}
			else {
				if (this.repeatedNames == null) {
					this.repeatedNames = new HashSet<>();
				}
				this.repeatedNames.add(childName);
				object.set(childName, JsonNodeFactory.instance.arrayNode().add(existing).add(value));
			}
		}

		JsonNode value() {
			if (!this.children) {
				String value = (this.text != null) ? this.text.toString() : this.firstText;
				return JsonNodeFactory.instance.stringNode((value != null) ? value : "");
			}
			ObjectNode object = object();
			if (this.sameChildNames && LIST_ITEM_NAMES.contains(this.onlyChildName)) {
				JsonNode items = object.get(this.onlyChildName);
				return (this.repeatedNames != null) ? items : JsonNodeFactory.instance.arrayNode().add(items);
			}
			return object;
		}

	}

}

package dev.wxwork.crypto;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.wxwork.crypto.CallbackCryptoException.Reason;

/**
 * The one XML reader and writer of WeCom's callback format, for the sealed envelope and the message
 * inside it alike.
 * <p>
 * Reading is hardened against the XXE holes of older WeChat SDKs (CVE-2018-20318, CVE-2019-5312): a
 * document with a DOCTYPE is refused outright, external entities and DTDs are never resolved, and
 * nesting is bounded. The factory is built once; StAX readers are cheap to create from it.
 * <p>
 * The tree keeps WeCom's element names. An element with child elements becomes an object, a leaf its
 * text, repeated siblings an array, and a list wrapper whose children are all list items
 * ({@code PicList/item}, {@code SelectedItems/SelectedItem}, {@code OptionIds/OptionId},
 * {@code ExtAttr/Item}, ...) the array of those items.
 */
public final class CallbackXml {

	private static final XMLInputFactory FACTORY = secureFactory();

	private static final int MAX_DEPTH = 16;

	// WeCom's list wrappers hold children with one of these names; see the class comment.
	private static final Set<String> LIST_ITEM_NAMES = Set.of("item", "Item", "SelectedItem", "OptionId",
			"ApprovalNode", "NotifyNode");

	private CallbackXml() {
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setXMLResolver((publicId, systemId, base, namespace) -> {
			throw new XMLStreamException("external resources are not allowed");
		});
		trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
		trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory;
	}

	private static void trySet(XMLInputFactory factory, String name, Object value) {
		try {
			factory.setProperty(name, value);
		}
		catch (IllegalArgumentException ex) {
			// not every StAX implementation knows these; DTDs are refused below anyway
		}
	}

	/** Reads UTF-8 XML bytes into a tree of WeCom's element names. */
	public static ObjectNode read(byte[] xml) {
		try {
			return read(FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8"));
		}
		catch (XMLStreamException ex) {
			throw malformed();
		}
	}

	/** Reads XML text into a tree of WeCom's element names. */
	public static ObjectNode read(String xml) {
		try {
			return read(FACTORY.createXMLStreamReader(new StringReader(xml)));
		}
		catch (XMLStreamException ex) {
			throw malformed();
		}
	}

	private static ObjectNode read(XMLStreamReader reader) throws XMLStreamException {
		try {
			ArrayDeque<Element> open = new ArrayDeque<>();
			Element root = null;
			while (reader.hasNext()) {
				switch (reader.next()) {
					case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("DOCTYPE");
					case XMLStreamConstants.START_ELEMENT -> {
						if (open.size() >= MAX_DEPTH || (open.isEmpty() && root != null)) {
							throw new XMLStreamException("too deep");
						}
						Element element = new Element(reader.getLocalName());
						if (!open.isEmpty()) {
							open.peek().children = true;
						}
						open.push(element);
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (!open.isEmpty()) {
							open.peek().text(reader.getText());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						Element element = open.pop();
						if (open.isEmpty()) {
							root = element;
						}
						else {
							open.peek().add(element.name, element.value());
						}
					}
					default -> {
						// comments, processing instructions, the XML declaration: nothing to keep
					}
				}
			}
			if (root == null) {
				throw new XMLStreamException("no root element");
			}
			return root.object();
		}
		finally {
			reader.close();
		}
	}

	private static CallbackCryptoException malformed() {
		return new CallbackCryptoException(Reason.XML, "the XML is malformed or has a DOCTYPE");
	}

	/** Appends {@code <name><![CDATA[value]]></name>}, keeping a {@code ]]>} inside the value intact. */
	public static StringBuilder appendText(StringBuilder xml, String name, String value) {
		xml.append('<').append(name).append("><![CDATA[");
		if (value != null) {
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

package dev.wxwork.crypto;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The XML reader takes the subset WeCom writes, resolves only XML's own entities, and refuses the rest. */
class CallbackXmlTest {

	@Test
	void readsCdataTextEntitiesAndCharacterReferences() {
		ObjectNode xml = CallbackXml.read("""
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- a comment -->
				<xml>
				  <A><![CDATA[<b>&amp;</b>]]></A>
				  <B>1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;&apos; &#20320;&#x597D; 😀</B>
				  <C><![CDATA[part one]]> and <![CDATA[part two]]></C>
				  <D/>
				  <E attribute="a > b" other='x'>with attributes</E>
				  <F></F>
				</xml>
				""");
		assertThat(xml.get("A").stringValue()).isEqualTo("<b>&amp;</b>");
		assertThat(xml.get("B").stringValue()).isEqualTo("1 < 2 && 3 > 2 \"' 你好 😀");
		assertThat(xml.get("C").stringValue()).isEqualTo("part one and part two");
		assertThat(xml.get("D").stringValue()).isEmpty();
		assertThat(xml.get("E").stringValue()).isEqualTo("with attributes");
		assertThat(xml.get("F").stringValue()).isEmpty();
	}

	@Test
	void keepsWhitespaceInsideTextButNotBetweenElements() {
		ObjectNode xml = CallbackXml.read("<xml>\n\t<Content>  two  spaces  </Content>\n</xml>");
		assertThat(xml.get("Content").stringValue()).isEqualTo("  two  spaces  ");
		assertThat(xml.size()).isEqualTo(1);
	}

	@Test
	void turnsRepeatedElementsAndListWrappersIntoArrays() {
		ObjectNode xml = CallbackXml.read("""
				<xml><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item><item><PicMd5Sum>b</PicMd5Sum></item></PicList></SendPicsInfo>
				<One><PicList><item><PicMd5Sum>c</PicMd5Sum></item></PicList></One>
				<SpRecord><SpStatus>1</SpStatus></SpRecord><SpRecord><SpStatus>2</SpStatus></SpRecord></xml>""");
		assertThat(xml.get("SendPicsInfo").get("PicList").isArray()).isTrue();
		assertThat(xml.get("SendPicsInfo").get("PicList").get(1).get("PicMd5Sum").stringValue()).isEqualTo("b");
		assertThat(xml.get("One").get("PicList").get(0).get("PicMd5Sum").stringValue()).isEqualTo("c");
		assertThat(xml.get("SpRecord").size()).isEqualTo(2);
	}

	@Test
	void refusesWhatWeComNeverSends() {
		for (String bad : new String[] { "<!DOCTYPE xml><xml/>", "<xml><!ENTITY x \"y\"></xml>",
				"<xml><A>&custom;</A></xml>", "<xml><A>&#xZZ;</A></xml>", "<xml><A>&amp</A></xml>",
				"<xml><A></B></xml>", "<xml><A>", "<xml>", "", "text<xml/>", "<xml/><xml/>", "<xml><A><![CDATA[open</A></xml>",
				"<xml><!-- open </xml>", "<xml><A attr=\"open></A></xml>", "< xml/>", "<xml>" + "<a>".repeat(20) + "</a>".repeat(20) + "</xml>" }) {
			assertThatExceptionOfType(CallbackCryptoException.class).as(bad)
				.isThrownBy(() -> CallbackXml.read(bad))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CallbackCryptoException.Reason.XML));
		}
	}

	@Test
	void acceptsAByteOrderMark() {
		assertThat(CallbackXml.read("\uFEFF<xml><A>1</A></xml>").get("A").stringValue()).isEqualTo("1");
		assertThatExceptionOfType(CallbackCryptoException.class).isThrownBy(() -> CallbackXml.read("\uFEFFjunk<xml/>"));
	}

	@Test
	void refusesCharacterReferencesThatAreNoCharacterAtAll() {
		for (String reference : new String[] { "&#x110000;", "&#x+41;", "&#-65;", "&#+65;", "&#x;", "&#;", "&#x 41;",
				"&#99999999999;" }) {
			assertThatExceptionOfType(CallbackCryptoException.class).as(reference)
				.isThrownBy(() -> CallbackXml.read("<xml><A>" + reference + "</A></xml>"));
		}
		assertThat(CallbackXml.read("<xml><A>&#9;&#xA;&#13;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;</A></xml>").get("A")
			.stringValue()).isEqualTo("\t\n\r \uD7FF\uE000\uFFFD\uD800\uDC00\uDBFF\uDFFF");
	}

	@Test
	void readsCharactersXmlForbidsAlikeWhetherRawOrEscaped() {
		String[][] forms = { { "\u0000", "&#0;" }, { "\u0001", "&#1;" }, { "\u0007", "&#x7;" }, { "\u001F", "&#x1F;" },
				{ "\uFFFE", "&#xFFFE;" }, { "\uFFFF", "&#65535;" }, { "\uD800", "&#xD800;" }, { "\uDFFF", "&#57343;" } };
		for (String[] form : forms) {
			String raw = CallbackXml.read("<xml><A>a" + form[0] + "b</A><B><![CDATA[a" + form[0] + "b]]></B></xml>")
				.get("A").stringValue();
			String rawInCdata = CallbackXml.read("<xml><B><![CDATA[a" + form[0] + "b]]></B></xml>").get("B").stringValue();
			String escaped = CallbackXml.read("<xml><A>a" + form[1] + "b</A></xml>").get("A").stringValue();
			assertThat(raw).as(form[1]).isEqualTo(escaped).isEqualTo(rawInCdata).isEqualTo("a\uFFFDb");
		}
		// a pair of surrogates is one character, and stays
		assertThat(CallbackXml.read("<xml><A>\uD83D\uDE00</A></xml>").get("A").stringValue()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void writesOnlyCharactersXmlAllowsSoThatAnyParserReadsTheReply() throws Exception {
		String hostile = "bell\u0007 nul\u0000 esc\u001B \uFFFE\uFFFF lone\uD800 \uDC00 ok\uD83D\uDE00 tab\t ]]> end";
		String xml = CallbackXml.appendText(new StringBuilder("<xml>"), "Content", hostile).append("</xml>").toString();
		// the JDK's own parser, which enforces XML 1.0 well-formedness
		javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		String parsed = factory.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.getDocumentElement()
			.getTextContent();
		assertThat(parsed).isEqualTo("bell\uFFFD nul\uFFFD esc\uFFFD \uFFFD\uFFFD lone\uFFFD \uFFFD ok\uD83D\uDE00 tab\t ]]> end");
		assertThat(CallbackXml.read(xml).get("Content").stringValue()).isEqualTo(parsed);
	}

	@Test
	void refusesACommentThatClosesItsOwnOpening() {
		assertThatExceptionOfType(CallbackCryptoException.class).isThrownBy(() -> CallbackXml.read("<xml><!-->x</xml>"));
		assertThat(CallbackXml.read("<xml><!----><A>1</A></xml>").get("A").stringValue()).isEqualTo("1");
	}

	@Test
	void readsTextSplitIntoManyPiecesInLinearTime() {
		// the envelope is read before the signature is checked, so its cost must not grow with the square of its size
		String manyPieces = "<xml><A>" + "x<!---->".repeat(256 * 1024) + "&amp;</A>" + "<B>y</B>".repeat(256 * 1024) + "</xml>";
		ObjectNode xml = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CallbackXml.read(manyPieces));
		assertThat(xml.get("A").stringValue()).hasSize(256 * 1024 + 1).endsWith("x&");
		assertThat(xml.get("B").size()).isEqualTo(256 * 1024);
	}

}

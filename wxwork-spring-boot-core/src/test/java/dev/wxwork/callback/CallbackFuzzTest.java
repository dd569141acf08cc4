package dev.wxwork.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.wxwork.callback.message.TextMessage;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.CallbackCryptoException;
import dev.wxwork.crypto.CallbackXml;
import dev.wxwork.crypto.SealedMessage;

import static dev.wxwork.callback.CallbackEndpointHardeningTest.CLOCK;
import static dev.wxwork.callback.CallbackEndpointHardeningTest.CORP_ID;
import static dev.wxwork.callback.CallbackEndpointHardeningTest.KEY;
import static dev.wxwork.callback.CallbackEndpointHardeningTest.NOW;
import static dev.wxwork.callback.CallbackEndpointHardeningTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random mutations of genuine callbacks: whatever arrives, the endpoint answers 200 or the
 * uniform 400, never throws, and a handler only ever sees what WeCom signed.
 */
class CallbackFuzzTest {

	private static final long SEED = 0x5EC0_2026_1125L;

	private static final String[] TOKENS = { "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "<!ENTITY x 'y'>",
			"&x;", "&#0;", "&#xD800;", "&#99999999;", "&#x7FFFFFFF;", "&#-1;", "&amp", "&", "]]>", "<![CDATA[", "<!--", "-->",
			"<!-->", "<?", "?>", "<?xml version=\"1.0\"?>", "<Encrypt>", "</Encrypt>", "<Encrypt/>", "<a>".repeat(20),
			"</a>", "\uFEFF", "\u0000", "<", ">", "\"", "'", "<x y='", "</xml>", "<xml>", "<MsgType>event</MsgType>",
			"<MsgId>1</MsgId>", "<item><a>1</a></item>", "\uD800", "你好", "=", "+", "/", " ", "\n" };

	private final CallbackCrypto wecom = new CallbackCrypto(TOKEN, KEY, CORP_ID, CLOCK);

	private final Handlers handlers = new Handlers();

	private final CallbackEndpoint endpoint = CallbackEndpointHardeningTest.endpoint(this.handlers);

	// another seed: -Dcallback.fuzz.seed=...
	private final Random random = new Random(Long.getLong("callback.fuzz.seed", SEED));

	@Test
	void aMutatedEnvelopeOrQueryIsRefusedOrIsTheGenuineCallback() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			int refused = 0;
			for (int i = 0; i < 3000; i++) {
				long msgId = 1000 + i % 16;
				SealedMessage genuine = this.wecom.seal(CallbackEndpointHardeningTest.text("genuine " + msgId, msgId),
						String.valueOf(NOW), "1234567890");
				String body = genuine.callbackXml(CORP_ID, 1000002L);
				String signature = genuine.signature();
				String timestamp = genuine.timestamp();
				String nonce = genuine.nonce();
				switch (this.random.nextInt(6)) {
					case 0 -> signature = mutate(signature);
					case 1 -> timestamp = mutate(timestamp);
					case 2 -> nonce = mutate(nonce);
					default -> body = mutate(body);
				}
				CallbackResponse response = receive(signature, timestamp, nonce, body.getBytes(StandardCharsets.UTF_8));
				if (response.status() == 400) {
					refused++;
				}
			}
			assertThat(refused).as("most mutants are refused").isGreaterThan(1500);
			// each genuine message handled once, and nothing that was not signed
			assertThat(this.handlers.texts).doesNotHaveDuplicates().allSatisfy((text) -> assertThat(text).startsWith("genuine "));
			assertThat(this.handlers.others).isEmpty();
		});
	}

	@Test
	void aMutatedMessageThatIsSignedIsReadOrRefusedButNeverThrows() {
		List<String> samples = List.of(CallbackEndpointHardeningTest.text("hello <&> 你好", 1),
				"<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>"
						+ NOW + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>"
						+ "<ChangeType>update_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Department><![CDATA[1,2]]></Department>"
						+ "<ExtAttr><Item><Name><![CDATA[a]]></Name><Type>0</Type><Text><Value><![CDATA[b]]></Value></Text></Item></ExtAttr></xml>",
				"<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>" + NOW
						+ "</CreateTime><MsgType>event</MsgType><Event>sys_approval_change</Event><ApprovalInfo><SpNo>1</SpNo>"
						+ "<SpRecord><SpStatus>1</SpStatus><Details><Approver><UserId>x</UserId></Approver></Details></SpRecord>"
						+ "</ApprovalInfo><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item></PicList>"
						+ "</SendPicsInfo></xml>");
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			int accepted = 0;
			int refused = 0;
			for (int i = 0; i < 3000; i++) {
				String message = mutate(samples.get(i % samples.size()));
				SealedMessage sealed = this.wecom.seal(message, String.valueOf(NOW), "1234567890");
				int handled = this.handlers.count();
				CallbackResponse response = receive(sealed.signature(), sealed.timestamp(), sealed.nonce(),
						sealed.callbackXml(CORP_ID, 1000002L).getBytes(StandardCharsets.UTF_8));
				if (response.status() == 400) {
					refused++;
					assertThat(this.handlers.count()).as("no handler for a refused message").isEqualTo(handled);
				}
				else {
					accepted++;
				}
			}
			assertThat(accepted).isGreaterThan(100);
			assertThat(refused).isGreaterThan(100);
		});
	}

	@Test
	void theXmlReaderOnlyEverThrowsItsOwnRefusal() {
		String sample = CallbackEndpointHardeningTest.text("x", 1);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 0; i < 5000; i++) {
				String xml = mutate(sample);
				try {
					CallbackXml.read(xml);
					CallbackMessage.parse(xml).identity();
				}
				catch (CallbackCryptoException ex) {
					assertThat(ex.reason()).isEqualTo(CallbackCryptoException.Reason.XML);
				}
				catch (RuntimeException ex) {
					fail("Reading " + xml + " threw " + ex, ex);
				}
			}
		});
	}

	private CallbackResponse receive(String signature, String timestamp, String nonce, byte[] body) {
		CallbackResponse response;
		try {
			response = this.endpoint.receive(signature, timestamp, nonce, body);
		}
		catch (RuntimeException ex) {
			return fail("The endpoint threw for " + new String(body, StandardCharsets.UTF_8), ex);
		}
		assertThat(response.status()).isIn(200, 400);
		if (response.status() == 400) {
			assertThat(response.bodyText()).isEqualTo("invalid callback");
		}
		return response;
	}

	/** One to three random edits: a character changed, deleted or duplicated, a token inserted, a cut. */
	private String mutate(String text) {
		StringBuilder mutant = new StringBuilder(text);
		int edits = 1 + this.random.nextInt(3);
		for (int e = 0; e < edits && mutant.length() > 0; e++) {
			int at = this.random.nextInt(mutant.length());
			switch (this.random.nextInt(5)) {
				case 0 -> mutant.setCharAt(at, (char) this.random.nextInt(0x80));
				case 1 -> mutant.deleteCharAt(at);
				case 2 -> mutant.insert(at, mutant.charAt(at));
				case 3 -> mutant.insert(at, TOKENS[this.random.nextInt(TOKENS.length)]);
				default -> mutant.setLength(at);
			}
		}
		return mutant.toString();
	}

	static class Handlers {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final List<CallbackMessage> others = new CopyOnWriteArrayList<>();

		@OnMessage
		void text(TextMessage message) {
			this.texts.add(message.content());
		}

		@OnOtherCallbacks
		void other(CallbackMessage message) {
			this.others.add(message);
		}

		int count() {
			return this.texts.size() + this.others.size();
		}

	}

}

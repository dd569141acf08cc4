package dev.wxwork.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import dev.wxwork.crypto.CallbackCryptoException.Reason;
import dev.wxwork.test.WeComCrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallbackCryptoTest {

	private final CallbackCrypto crypto = OfficialVector.crypto();

	@Test
	void opensTheOfficialVerificationVector() {
		assertThat(this.crypto.openText(OfficialVector.VERIFY_SIGNATURE, OfficialVector.VERIFY_TIMESTAMP,
				OfficialVector.VERIFY_NONCE, OfficialVector.ECHOSTR))
			.isEqualTo("1616140317555161061");
	}

	@Test
	void opensTheOfficialMessageVector() {
		String xml = new String(this.crypto.openCallback(OfficialVector.MESSAGE_SIGNATURE, OfficialVector.MESSAGE_TIMESTAMP,
				OfficialVector.MESSAGE_NONCE, OfficialVector.messageBody().getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8);
		assertThat(xml).contains("<FromUserName><![CDATA[mycreate]]></FromUserName>")
			.contains("<Content><![CDATA[hello]]></Content>")
			.contains("<MsgId>4561255354251345929</MsgId>")
			.contains("<AgentID>218</AgentID>");
	}

	@Test
	void signsAsWeComDoes() {
		assertThat(this.crypto.signature(OfficialVector.MESSAGE_TIMESTAMP, OfficialVector.MESSAGE_NONCE,
				OfficialVector.MESSAGE_ENCRYPT))
			.isEqualTo(OfficialVector.MESSAGE_SIGNATURE);
	}

	@RepeatedTest(20)
	void sealsAndOpensWithRandomKeysChineseTextAndXmlSpecialCharacters(RepetitionInfo repetition) {
		// seeded by the repetition: the same 20 keys and lengths every run, so a failure can be replayed
		java.util.Random random = new java.util.Random(repetition.getCurrentRepetition());
		String key = randomEncodingAesKey(random);
		CallbackCrypto sender = new CallbackCrypto("token" + key.substring(0, 5), key, "ww" + key.substring(5, 15));
		String message = "<xml><Content><![CDATA[你好，世界 <&>]]]]><![CDATA[> " + "长".repeat(random.nextInt(300))
				+ "]]></Content></xml>";
		SealedMessage sealed = sender.seal(message);
		assertThat(sender.openReply(sealed.replyXml())).isEqualTo(message);
		assertThat(Base64.getDecoder().decode(sealed.encrypt()).length % 32).isZero();
	}

	@Test
	void keepsCdataTerminatorsInsideTextIntact() {
		SealedMessage sealed = this.crypto.seal("a]]>b");
		StringBuilder xml = CallbackXml.appendText(new StringBuilder("<xml>"), "Content", "x]]>y<&>").append("</xml>");
		assertThat(CallbackXml.read(xml.toString()).get("Content").stringValue()).isEqualTo("x]]>y<&>");
		assertThat(this.crypto.openReply(sealed.replyXml())).isEqualTo("a]]>b");
	}

	@Test
	void refusesAWrongSignatureBeforeDecrypting() {
		assertThatExceptionOfType(CallbackCryptoException.class)
			.isThrownBy(() -> this.crypto.open("0".repeat(40), OfficialVector.MESSAGE_TIMESTAMP,
					OfficialVector.MESSAGE_NONCE, "not base64 at all"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.SIGNATURE));
	}

	@Test
	void refusesAMessageSealedForAnotherCorp() {
		CallbackCrypto otherCorp = new CallbackCrypto(OfficialVector.TOKEN, OfficialVector.ENCODING_AES_KEY, "wwanothercorp");
		SealedMessage sealed = otherCorp.seal("<xml/>");
		assertRefused(sealed.encrypt(), Reason.RECEIVE_ID);
	}

	@Test
	void refusesBadPadding() {
		byte[] plain = plaintext("<xml/>");
		plain[plain.length - 2] ^= 1;
		assertRefused(encryptRaw(plain), Reason.DECRYPT);
		byte[] zeroPad = plaintext("<xml/>");
		Arrays.fill(zeroPad, zeroPad.length - (zeroPad[zeroPad.length - 1]), zeroPad.length, (byte) 0);
		assertRefused(encryptRaw(zeroPad), Reason.DECRYPT);
		byte[] tooLong = new byte[64];
		Arrays.fill(tooLong, (byte) 33);
		assertRefused(encryptRaw(tooLong), Reason.DECRYPT);
	}

	@Test
	void refusesALengthFieldBeyondTheBuffer() {
		byte[] plain = plaintext("<xml/>");
		plain[16] = 0x7f;
		assertRefused(encryptRaw(plain), Reason.BUFFER);
	}

	@Test
	void refusesANegativeLengthFieldAndABufferShorterThanItsHeader() {
		byte[] negative = plaintext("<xml/>");
		negative[16] = (byte) 0x80;
		assertRefused(encryptRaw(negative), Reason.BUFFER);
		byte[] allPadding = new byte[32];
		Arrays.fill(allPadding, (byte) 32);
		assertRefused(encryptRaw(allPadding), Reason.BUFFER);
		byte[] shortLength = plaintext("<xml/>");
		shortLength[19] -= 1;
		// the message loses its last byte to the receive id, which then no longer matches
		assertRefused(encryptRaw(shortLength), Reason.RECEIVE_ID);
	}

	@Test
	void refusesBase64VariantsWeComNeverSends() {
		String encrypt = encryptRaw(plaintext("<xml/>"));
		assertRefused(encrypt.substring(0, 20) + "\n" + encrypt.substring(20), Reason.BASE64);
		assertRefused(encrypt.substring(0, 20) + " " + encrypt.substring(20), Reason.BASE64);
		String urlSafe = Base64.getUrlEncoder().encodeToString(Base64.getDecoder().decode(encrypt));
		if (!urlSafe.equals(encrypt)) {
			assertRefused(urlSafe, Reason.BASE64);
		}
		assertRefused(encrypt + "=", Reason.BASE64);
	}

	@Test
	void refusesTruncatedCiphertextAndBadBase64() {
		byte[] cipherText = Base64.getDecoder().decode(OfficialVector.MESSAGE_ENCRYPT);
		assertRefused(Base64.getEncoder().encodeToString(Arrays.copyOf(cipherText, cipherText.length - 5)), Reason.DECRYPT);
		assertRefused("", Reason.DECRYPT);
		assertRefused("@@@not*base64", Reason.BASE64);
	}

	@Test
	void refusesAnEncodingAesKeyOfTheWrongShapeWithoutEchoingIt() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new CallbackCrypto("t", "short-secret-key", "corp"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("short-secret-key"));
	}

	@Test
	void refusesDoctypeAndExternalEntities() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>";
		assertThatExceptionOfType(CallbackCryptoException.class).isThrownBy(() -> CallbackXml.read(xxe))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.XML));
		String billionLaughs = "<!DOCTYPE xml [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><xml><A>&b;</A></xml>";
		assertThatExceptionOfType(CallbackCryptoException.class).isThrownBy(() -> CallbackXml.read(billionLaughs));
		assertThatExceptionOfType(CallbackCryptoException.class)
			.isThrownBy(() -> CallbackXml.read("<xml>" + "<a>".repeat(40) + "</a>".repeat(40) + "</xml>"));
	}

	private void assertRefused(String encrypt, Reason reason) {
		String signature = this.crypto.signature("1", "2", encrypt);
		assertThatExceptionOfType(CallbackCryptoException.class)
			.isThrownBy(() -> this.crypto.open(signature, "1", "2", encrypt))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	// WeCom's side, from the test kit: it shares no code with the CallbackCrypto under test
	private static final WeComCrypto WECOM = new WeComCrypto(OfficialVector.TOKEN, OfficialVector.ENCODING_AES_KEY,
			OfficialVector.CORP_ID);

	/** WeCom's plaintext layout, to be broken on purpose; a zero prefix, so the ciphertext is the same every run. */
	private static byte[] plaintext(String message) {
		byte[] plain = WECOM.plaintext(message);
		Arrays.fill(plain, 0, 16, (byte) 0);
		return plain;
	}

	private static String encryptRaw(byte[] plain) {
		return WECOM.encryptRaw(plain);
	}

	static String randomEncodingAesKey(java.util.Random random) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < 43; i++) {
			key.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return key.toString();
	}

}

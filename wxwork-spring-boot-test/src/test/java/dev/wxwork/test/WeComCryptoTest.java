package dev.wxwork.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's own crypto against WeCom's official sample vector (doc 91144, PROTOCOL.md). */
class WeComCryptoTest {

	private final WeComCrypto crypto = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
			"wx5823bf96d3bd56c7");

	@Test
	void opensTheOfficialVerificationEcho() {
		assertThat(this.crypto.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="))
			.isEqualTo("1616140317555161061");
	}

	@Test
	void opensTheOfficialMessageAndComputesItsSignature() {
		String encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
		assertThat(this.crypto.signature("1409659813", "1372623149", encrypt))
			.isEqualTo("477715d11cdb4164915debcba66cb864d751f3e6");
		String message = this.crypto.open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypt);
		assertThat(message).contains("<FromUserName><![CDATA[mycreate]]></FromUserName>")
			.contains("<Content><![CDATA[hello]]></Content>")
			.contains("<MsgId>4561255354251345929</MsgId>")
			.contains("<AgentID>218</AgentID>");
	}

	@Test
	void sealsSoThatItOpensAgainAndRefusesATamperedSignatureOrAnotherReceiver() {
		WeComCrypto.Sealed sealed = this.crypto.seal("<xml>你好</xml>", "1409659813", "77");
		assertThat(this.crypto.open(sealed.signature(), sealed.timestamp(), sealed.nonce(), sealed.encrypt()))
			.isEqualTo("<xml>你好</xml>");
		assertThatThrownBy(() -> this.crypto.open(sealed.signature(), "1409659814", sealed.nonce(), sealed.encrypt()))
			.hasMessageContaining("msg_signature");
		WeComCrypto other = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wwother");
		assertThatThrownBy(() -> other.open(sealed.signature(), sealed.timestamp(), sealed.nonce(), sealed.encrypt()))
			.hasMessageContaining("receive id");
	}

}

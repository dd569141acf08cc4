package dev.wxwork.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookAddressTest {

	private static final String KEY = "693a91f6-7b1e-4bc4-97a0-0ec2b1f5a0aa";

	@Test
	void takesTheKeyOutOfTheAddressCopiedFromTheGroup() {
		WebhookAddress address = WebhookAddress.of(null,
				"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY, "https://ignored.example.com");
		assertThat(address.baseUrl()).isEqualTo("https://qyapi.weixin.qq.com");
		assertThat(address.sendUri()).hasToString("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY);
		assertThat(address.uploadUri("voice"))
			.hasToString("https://qyapi.weixin.qq.com/cgi-bin/webhook/upload_media?key=" + KEY + "&type=voice");
	}

	@Test
	void usesTheApiBaseUrlForAKeyAlone() {
		WebhookAddress address = WebhookAddress.of(KEY, null, "http://127.0.0.1:8080/simulator/");
		assertThat(address.sendUri()).hasToString("http://127.0.0.1:8080/simulator/cgi-bin/webhook/send?key=" + KEY);
	}

	@Test
	void takesABaseUrlWithASeparateKey() {
		WebhookAddress address = WebhookAddress.of(KEY, "http://stand-in:9000/prefix", null);
		assertThat(address.sendUri()).hasToString("http://stand-in:9000/prefix/cgi-bin/webhook/send?key=" + KEY);
	}

	@Test
	void acceptsTheSameKeyTwice() {
		assertThat(WebhookAddress.of(KEY, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY, null)
			.fingerprint()).isEqualTo(WebhookAddress.of(KEY, null, "https://qyapi.weixin.qq.com").fingerprint());
	}

	@Test
	void refusesMistakesWithoutQuotingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookAddress.of("other-key", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY,
					null))
			.withMessageContaining("differs")
			.withMessageNotContaining(KEY);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookAddress.of(null, "https://qyapi.weixin.qq.com/cgi-bin/other?key=" + KEY, null))
			.withMessageContaining("/cgi-bin/webhook/send")
			.withMessageNotContaining(KEY);
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookAddress.of(null, "https://qyapi.weixin.qq.com", null))
			.withMessageContaining("no key");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookAddress.of(KEY + " x", null, "https://q.example"))
			.withMessageContaining("letters, digits");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookAddress.of(null, "ftp://h/cgi-bin/webhook/send?key=" + KEY, null))
			.withMessageContaining("http(s)")
			.withMessageNotContaining(KEY);
	}

	@Test
	void fingerprintAndToStringNeverShowTheKey() {
		WebhookAddress address = WebhookAddress.of(KEY, null, "https://qyapi.weixin.qq.com");
		assertThat(address.fingerprint()).matches("[0-9a-f]{32}").doesNotContain(KEY);
		assertThat(address.toString()).doesNotContain(KEY).contains("qyapi.weixin.qq.com");
	}

}

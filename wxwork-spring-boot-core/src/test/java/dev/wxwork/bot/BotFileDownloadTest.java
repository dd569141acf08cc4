package dev.wxwork.bot;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import dev.wxwork.client.WxWorkTransportException;
import dev.wxwork.crypto.CallbackCrypto;
import dev.wxwork.crypto.CallbackCryptoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Files and images a user sends a bot are encrypted at their URL (doc 100719): with the bot's callback
 * key in callback mode, with the message's own {@code aeskey} over a long connection. The encrypted
 * bodies here are made the way WeCom makes them: AES-256-CBC, IV = the first 16 key bytes, PKCS#7
 * padding to 32 bytes.
 */
class BotFileDownloadTest {

	// the official callback test vector's EncodingAESKey (PROTOCOL.md)
	private static final String CALLBACK_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	private static final byte[] MESSAGE_KEY = "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private final AtomicReference<byte[]> served = new AtomicReference<>();

	private HttpServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/file", (exchange) -> {
			byte[] body = this.served.get();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aFileOfCallbackModeIsDecryptedWithTheBotsCallbackKey() throws Exception {
		byte[] content = "季度报告 — quarterly report".repeat(40).getBytes(StandardCharsets.UTF_8);
		this.served.set(encrypt(Base64.getDecoder().decode(CALLBACK_KEY + "="), content));
		WxWorkBotClient client = new WxWorkBotClient("helper", RestClient.create(), CALLBACK_KEY);

		assertThat(client.download(new BotFileMessage(url(), null))).isEqualTo(content);
	}

	@Test
	void anImageOfTheLongConnectionIsDecryptedWithItsOwnAesKey() throws Exception {
		// 32 bytes exactly: a whole block of padding is added
		byte[] content = Arrays.copyOf("PNG".getBytes(StandardCharsets.US_ASCII), 32);
		this.served.set(encrypt(MESSAGE_KEY, content));
		WxWorkBotClient client = new WxWorkBotClient("helper", RestClient.create(), CALLBACK_KEY);

		String aesKey = Base64.getEncoder().encodeToString(MESSAGE_KEY);
		assertThat(client.download(new BotImageMessage(url(), aesKey))).isEqualTo(content);
		assertThat(client.download(url(), aesKey.replace("=", ""))).as("without base64 padding").isEqualTo(content);
	}

	@Test
	void theWrongKeyOrATamperedBodyIsRefusedNotReturned() throws Exception {
		byte[] content = "secret plan".getBytes(StandardCharsets.UTF_8);
		byte[] encrypted = encrypt(MESSAGE_KEY, content);
		this.served.set(encrypted);
		WxWorkBotClient client = new WxWorkBotClient("helper", RestClient.create(), CALLBACK_KEY);

		assertThatExceptionOfType(CallbackCryptoException.class).isThrownBy(() -> client.download(url(), null));
		assertThatExceptionOfType(CallbackCryptoException.class)
			.isThrownBy(() -> CallbackCrypto.decryptFile(CALLBACK_KEY, Arrays.copyOf(encrypted, encrypted.length - 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> CallbackCrypto.decryptFile("c2hvcnQ=", encrypted))
			.withMessageNotContaining("c2hvcnQ");
	}

	@Test
	void withoutAnyKeyOrWithAFailedDownloadTheErrorSaysSoWithoutTheUrl() {
		WxWorkBotClient noKey = new WxWorkBotClient("helper", RestClient.create());
		assertThatIllegalStateException().isThrownBy(() -> noKey.download(new BotFileMessage(url(), null)))
			.withMessageContaining("wxwork.bots.helper.callback.encoding-aes-key");

		WxWorkBotClient client = new WxWorkBotClient("helper", RestClient.create(), CALLBACK_KEY);
		String missing = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/nothing?sign=abc";
		assertThatExceptionOfType(WxWorkTransportException.class).isThrownBy(() -> client.download(missing, null))
			.withMessageNotContaining("sign=abc")
			.satisfies((ex) -> assertThat(ex.mayHaveTakenEffect()).isFalse());
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/file?sign=abc";
	}

	private static byte[] encrypt(byte[] key, byte[] content) throws Exception {
		int pad = 32 - (content.length % 32);
		byte[] padded = Arrays.copyOf(content, content.length + pad);
		Arrays.fill(padded, content.length, padded.length, (byte) pad);
		Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
		return aes.doFinal(padded);
	}

}

package dev.wxwork.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import dev.wxwork.api.media.MultipartMedia;
import dev.wxwork.api.media.UploadedMedia;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkTransportException;

/**
 * One group robot (群机器人, doc 91770): posts messages to its group chat and uploads the files and
 * voice clips it posts. Each {@code wxwork.webhooks.<name>} is one bean.
 * <p>
 * Nothing is retried: a post that WeCom refused was not posted ({@link WxWorkWebhookException}, and
 * {@link WebhookRateLimitException} for WeCom's 20 messages a minute), while a post that failed in
 * transport ({@link WxWorkTransportException}) may have been posted, and sending it again could post it
 * twice. The key is a secret: it is in no message, log line or {@link #toString()}.
 */
public final class WxWorkWebhook {

	static final long FILE_MIN_BYTES = 6;

	static final long FILE_MAX_BYTES = 20L * 1024 * 1024;

	static final long VOICE_MAX_BYTES = 2L * 1024 * 1024;

	private static final byte[] AMR_MAGIC = "#!AMR".getBytes(StandardCharsets.US_ASCII);

	private final String name;

	private final WebhookAddress address;

	private final WxWorkHttpClient http;

	private final WebhookRateLimiter limiter;

	private final Duration maxWait;

	/**
	 * @param name the robot's name under {@code wxwork.webhooks}, for messages
	 * @param http a client that does not retry on its own (a retried post may be posted twice)
	 * @param limiter the client-side limit, or null for none
	 * @param maxWait how long a send may wait for the limit before failing
	 */
	public WxWorkWebhook(String name, WebhookAddress address, WxWorkHttpClient http, WebhookRateLimiter limiter,
			Duration maxWait) {
		this.name = name;
		this.address = address;
		this.http = http;
		this.limiter = limiter;
		this.maxWait = maxWait;
	}

	/** The robot's name under {@code wxwork.webhooks}. */
	public String name() {
		return this.name;
	}

	/** Posts a message to the robot's group. */
	public void send(WebhookMessage message) {
		awaitPermit();
		exchange(WebhookAddress.SEND_PATH, () -> this.http.restClient()
			.post()
			.uri(this.address.sendUri())
			.contentType(MediaType.APPLICATION_JSON)
			.body(message)
			.retrieve()
			.body(JsonNode.class));
	}

	/** Posts plain text (at most 2048 bytes). */
	public void sendText(String content) {
		send(WebhookMessage.text(content));
	}

	/** Posts markdown (at most 4096 bytes). */
	public void sendMarkdown(String markdown) {
		send(WebhookMessage.markdown(markdown));
	}

	/** Uploads a file (more than 5 bytes, at most 20 MB) for {@link WebhookMessage#file}; its media id lasts 3 days. */
	public UploadedMedia uploadFile(Path file) {
		checkSize("file", size(file), FILE_MAX_BYTES);
		return upload("file", MultipartMedia.of(file));
	}

	/** Uploads a file's bytes under a file name. */
	public UploadedMedia uploadFile(String filename, byte[] content) {
		checkSize("file", content.length, FILE_MAX_BYTES);
		return upload("file", MultipartMedia.of(filename, content));
	}

	/** Uploads an AMR voice clip (at most 2 MB and 60 s) for {@link WebhookMessage#voice}. */
	public UploadedMedia uploadVoice(Path file) {
		checkSize("voice", size(file), VOICE_MAX_BYTES);
		try {
			checkAmr(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		return upload("voice", MultipartMedia.of(file));
	}

	/** Uploads an AMR voice clip's bytes under a file name. */
	public UploadedMedia uploadVoice(String filename, byte[] content) {
		checkSize("voice", content.length, VOICE_MAX_BYTES);
		checkAmr(content);
		return upload("voice", MultipartMedia.of(filename, content));
	}

	/** Uploads a file and posts it. */
	public void sendFile(Path file) {
		send(WebhookMessage.file(uploadFile(file).mediaId()));
	}

	private UploadedMedia upload(String type, MultipartMedia body) {
		return exchange(WebhookAddress.UPLOAD_PATH, () -> this.http.mediaRestClient()
			.post()
			.uri(this.address.uploadUri(type))
			.headers((headers) -> {
				headers.setContentType(body.contentType());
				headers.setContentLength(body.contentLength());
			})
			.body(body)
			.retrieve()
			.body(UploadedMedia.class));
	}

	private <T> T exchange(String path, Supplier<T> exchange) {
		try {
			return this.http.call(path, null, exchange);
		}
		catch (WxWorkApiException ex) {
			if (ex.getErrcode() == WxWorkWebhookException.RATE_LIMITED) {
				throw WebhookRateLimitException.fromWeCom(this.name, ex.getErrmsg(), path);
			}
			throw new WxWorkWebhookException(this.name, ex.getErrcode(), ex.getErrmsg(), path);
		}
		catch (WxWorkTransportException ex) {
			throw new WxWorkTransportException("Webhook '" + this.name + "': " + ex.getMessage()
					+ (path.equals(WebhookAddress.SEND_PATH) ? "; the message may have been posted" : ""), ex);
		}
	}

	private void awaitPermit() {
		if (this.limiter == null) {
			return;
		}
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		String robot = this.address.fingerprint();
		Duration wait = this.limiter.tryAcquire(robot);
		while (!wait.isZero()) {
			if (System.nanoTime() + wait.toNanos() - deadline > 0) {
				throw WebhookRateLimitException.clientSide(this.name, wait);
			}
			try {
				Thread.sleep(wait.toMillis() + 1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WxWorkException("Interrupted while waiting for webhook '" + this.name + "''s limit");
			}
			wait = this.limiter.tryAcquire(robot);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	private static void checkSize(String type, long size, long max) {
		if (size < FILE_MIN_BYTES) {
			throw new IllegalArgumentException(type + ": WeCom takes files of more than 5 bytes; this one has " + size);
		}
		if (size > max) {
			throw new IllegalArgumentException(type + ": " + size + " bytes is more than WeCom's limit of " + max);
		}
	}

	private static void checkAmr(byte[] content) {
		for (int i = 0; i < AMR_MAGIC.length; i++) {
			if (content.length <= i || content[i] != AMR_MAGIC[i]) {
				throw new IllegalArgumentException("voice: WeCom takes AMR voice clips only, and this is none");
			}
		}
	}

	@Override
	public String toString() {
		return "WxWorkWebhook[" + this.name + ", " + this.address + "]";
	}

}

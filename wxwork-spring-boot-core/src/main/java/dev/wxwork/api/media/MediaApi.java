package dev.wxwork.api.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.wxwork.api.WeComDoc;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.client.WxWorkJson;
import dev.wxwork.client.WxWorkResponses;
import dev.wxwork.client.WxWorkTransportException;
import dev.wxwork.token.SharedCredential;

/**
 * Temporary media and images (素材管理): uploads stream the file to WeCom and downloads stream it to
 * the caller, so that neither is held in memory whole.
 * <p>
 * Uploads from a {@link Path} or a {@code byte[]} are retried like any call (a refreshed token,
 * WeCom busy). An {@link InputStream} can be read only once: the token is made sure of before the
 * stream is read, and if WeCom still refuses the upload the call fails instead of sending a
 * half-read stream again.
 * <p>
 * A transfer must finish within {@code wxwork.http.media-timeout} (10 minutes by default), not the
 * shorter {@code read-timeout} of API calls: the JDK client underneath closes the stream when that time
 * has passed since the request, even while data still flows.
 */
public final class MediaApi {

	private static final String UPLOAD = "/cgi-bin/media/upload";

	private static final String UPLOAD_IMAGE = "/cgi-bin/media/uploadimg";

	private static final String GET = "/cgi-bin/media/get";

	private static final String GET_HIGH_DEFINITION_VOICE = "/cgi-bin/media/get/jssdk";

	private static final int ERROR_ANSWER_LIMIT = 8192;

	private final WxWorkHttpClient http;

	private final SharedCredential token;

	/** Media calls with this token, through the library's one HTTP path. */
	public MediaApi(WxWorkHttpClient http, SharedCredential token) {
		this.http = http;
		this.token = token;
	}

	/** Uploads a file as temporary media, valid for 3 days (doc 90253). */
	@WeComDoc(value = "90253", path = "POST " + UPLOAD)
	public UploadedMedia upload(MediaFileType type, Path file) {
		return upload(type, MultipartMedia.of(file));
	}

	/** Uploads bytes as temporary media, valid for 3 days (doc 90253). */
	@WeComDoc(value = "90253", path = "POST " + UPLOAD)
	public UploadedMedia upload(MediaFileType type, String filename, byte[] content) {
		return upload(type, MultipartMedia.of(filename, content));
	}

	/**
	 * Uploads a stream as temporary media, valid for 3 days (doc 90253); the stream is read once and
	 * not closed.
	 * @param length the stream's length, or -1 when unknown (the upload is then sent chunked)
	 */
	@WeComDoc(value = "90253", path = "POST " + UPLOAD)
	public UploadedMedia upload(MediaFileType type, String filename, InputStream content, long length) {
		return upload(type, MultipartMedia.of(filename, content, length));
	}

	/** Uploads an image (JPG or PNG, up to 2 MB) for good, for articles and cards (doc 90256). */
	@WeComDoc(value = "90256", path = "POST " + UPLOAD_IMAGE)
	public UploadedImage uploadImage(Path image) {
		return send(UPLOAD_IMAGE, UPLOAD_IMAGE, MultipartMedia.of(image), UploadedImage.class);
	}

	/** Uploads an image (JPG or PNG, up to 2 MB) for good, for articles and cards (doc 90256). */
	@WeComDoc(value = "90256", path = "POST " + UPLOAD_IMAGE)
	public UploadedImage uploadImage(String filename, byte[] image) {
		return send(UPLOAD_IMAGE, UPLOAD_IMAGE, MultipartMedia.of(filename, image), UploadedImage.class);
	}

	/** Uploads an image stream for good (doc 90256); read once, not closed; {@code length} -1 when unknown. */
	@WeComDoc(value = "90256", path = "POST " + UPLOAD_IMAGE)
	public UploadedImage uploadImage(String filename, InputStream image, long length) {
		return send(UPLOAD_IMAGE, UPLOAD_IMAGE, MultipartMedia.of(filename, image, length), UploadedImage.class);
	}

	/** Downloads temporary media into a stream, which is not closed (doc 90254). */
	@WeComDoc(value = "90254", path = "GET " + GET)
	public DownloadedMedia download(String mediaId, OutputStream target) {
		return download(mediaId, copyingTo(target));
	}

	/** Downloads temporary media into a file, replaced if it exists and removed if the download fails (doc 90254). */
	@WeComDoc(value = "90254", path = "GET " + GET)
	public DownloadedMedia download(String mediaId, Path target) {
		return intoFile(target, (out) -> download(mediaId, out));
	}

	/** Downloads temporary media and hands it to a reader as it arrives (doc 90254). */
	@WeComDoc(value = "90254", path = "GET " + GET)
	public <T> T download(String mediaId, MediaReader<T> reader) {
		return receive(GET, mediaId, reader);
	}

	/** Downloads a voice clip recorded with the JS-SDK, in high-definition Speex, into a stream (doc 90255). */
	@WeComDoc(value = "90255", path = "GET " + GET_HIGH_DEFINITION_VOICE)
	public DownloadedMedia downloadHighDefinitionVoice(String mediaId, OutputStream target) {
		return downloadHighDefinitionVoice(mediaId, copyingTo(target));
	}

	/** Downloads a high-definition JS-SDK voice clip into a file (doc 90255). */
	@WeComDoc(value = "90255", path = "GET " + GET_HIGH_DEFINITION_VOICE)
	public DownloadedMedia downloadHighDefinitionVoice(String mediaId, Path target) {
		return intoFile(target, (out) -> downloadHighDefinitionVoice(mediaId, out));
	}

	/** Downloads a high-definition JS-SDK voice clip and hands it to a reader as it arrives (doc 90255). */
	@WeComDoc(value = "90255", path = "GET " + GET_HIGH_DEFINITION_VOICE)
	public <T> T downloadHighDefinitionVoice(String mediaId, MediaReader<T> reader) {
		return receive(GET_HIGH_DEFINITION_VOICE, mediaId, reader);
	}

	private UploadedMedia upload(MediaFileType type, MultipartMedia body) {
		return send(UPLOAD, UPLOAD + "?type=" + type.value(), body, UploadedMedia.class);
	}

	private <T> T send(String path, String uri, MultipartMedia body, Class<T> answer) {
		Supplier<T> exchange = () -> this.http.mediaRestClient()
			.post()
			.uri(uri)
			.headers((headers) -> {
				headers.setContentType(body.contentType());
				if (body.contentLength() >= 0) {
					headers.setContentLength(body.contentLength());
				}
			})
			.body(body)
			.retrieve()
			.body(answer);
		if (body.repeatable()) {
			return this.http.call(path, this.token, exchange);
		}
		// Fetch the token (if it must be) before the stream is read: a gettoken failure then leaves it unread.
		this.token.get();
		return this.http.call(path, this.token, new SendOnce<>(path, exchange));
	}

	private <T> T receive(String path, String mediaId, MediaReader<T> reader) {
		return this.http.call(path, this.token, () -> this.http.mediaRestClient()
			.get()
			.uri(path + "?media_id={mediaId}", mediaId)
			.exchange((request, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new WxWorkTransportException(
							"WeCom answered " + path + " with HTTP " + response.getStatusCode().value(), null);
				}
				HttpHeaders headers = response.getHeaders();
				String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
				String filename = (disposition != null) ? ContentDisposition.parse(disposition).getFilename() : null;
				MediaType contentType = headers.getContentType();
				InputStream content = isWeComAnswer(contentType)
						? checkedForError(path, response.getBody(), filename) : response.getBody();
				DownloadedMedia media = new DownloadedMedia(filename,
						(contentType != null) ? contentType.toString() : null, headers.getContentLength());
				try (content) {
					return reader.read(media, content);
				}
			}, true));
	}

	// WeCom answers a failed download with an errcode in place of the file, labelled JSON or plain text.
	// Such an answer is small: read its beginning, and hand the stream on untouched if it is a file after all.
	private static InputStream checkedForError(String path, InputStream content, String filename) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(content, ERROR_ANSWER_LIMIT);
		buffered.mark(ERROR_ANSWER_LIMIT);
		byte[] beginning = buffered.readNBytes(ERROR_ANSWER_LIMIT);
		if (beginning.length < ERROR_ANSWER_LIMIT) {
			JsonNode answer = parseOrNull(beginning);
			if (answer != null && answer.isObject() && answer.has("errcode")) {
				WxWorkResponses.check(answer, path);
				if (filename == null) {
					throw new WxWorkTransportException("WeCom answered " + path + " with JSON instead of a file", null);
				}
			}
		}
		buffered.reset();
		return buffered;
	}

	private static JsonNode parseOrNull(byte[] json) {
		try {
			return WxWorkJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isWeComAnswer(MediaType contentType) {
		return contentType != null && (MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| MediaType.TEXT_PLAIN.isCompatibleWith(contentType));
	}

	private static MediaReader<DownloadedMedia> copyingTo(OutputStream target) {
		return (media, content) -> {
			content.transferTo(target);
			return media;
		};
	}

	private static DownloadedMedia intoFile(Path target, DownloadInto download) {
		boolean complete = false;
		try (OutputStream out = Files.newOutputStream(target)) {
			DownloadedMedia media = download.into(out);
			complete = true;
			return media;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target, ex);
		}
		finally {
			if (!complete) {
				try {
					Files.deleteIfExists(target);
				}
				catch (IOException ex) {
					// the download's own failure is the one to report
				}
			}
		}
	}

	@FunctionalInterface
	private interface DownloadInto {

		DownloadedMedia into(OutputStream out);

	}

	/** Runs an exchange whose body can be sent once; a second attempt fails with the first one's cause. */
	private static final class SendOnce<T> implements Supplier<T> {

		private final String path;

		private final Supplier<T> exchange;

		private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();

		private boolean sent;

		SendOnce(String path, Supplier<T> exchange) {
			this.path = path;
			this.exchange = exchange;
		}

		@Override
		public T get() {
			if (this.sent) {
				RuntimeException cause = this.firstFailure.get();
				String refusal = (cause instanceof WxWorkApiException api) ? "errcode " + api.getErrcode() : "an error";
				throw new WxWorkException("WeCom answered the upload to " + this.path + " with " + refusal
						+ ", and a stream cannot be sent again: upload from a Path or byte[] to have it retried",
						cause);
			}
			this.sent = true;
			try {
				return this.exchange.get();
			}
			catch (RuntimeException ex) {
				this.firstFailure.set(ex);
				throw ex;
			}
		}

	}

}

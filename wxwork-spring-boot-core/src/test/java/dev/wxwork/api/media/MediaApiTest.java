package dev.wxwork.api.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wxwork.agent.WxWorkAgent;
import dev.wxwork.client.WxWorkApiException;
import dev.wxwork.client.WxWorkException;
import dev.wxwork.testing.StandInAgent;
import dev.wxwork.test.WeComStandIn;
import dev.wxwork.test.WeComStandIn.Answer;
import dev.wxwork.test.WeComStandIn.Part;
import dev.wxwork.test.WeComStandIn.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MediaApiTest {

	private static final String UPLOADED = """
			{"errcode":0,"errmsg":"","type":"image","media_id":"1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0",
			"created_at":"1380000000"}""";

	private final WeComStandIn wecom = StandInAgent.wecom();

	private final WxWorkAgent agent = StandInAgent.of(this.wecom);

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.wecom.close();
	}

	@Test
	void uploadsAFileAsTheMediaPartWithItsNameAndLength() throws IOException {
		this.wecom.respond("/cgi-bin/media/upload", UPLOADED);
		byte[] content = randomBytes(300_000);
		Path file = Files.write(this.directory.resolve("photo.jpg"), content);
		UploadedMedia media = this.agent.media().upload(MediaFileType.IMAGE, file);
		assertThat(media).isEqualTo(new UploadedMedia("image", "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0",
				1380000000L));
		RecordedRequest request = this.wecom.lastRequest("/cgi-bin/media/upload");
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.param("type")).isEqualTo("image");
		assertThat(request.contentType()).startsWith("multipart/form-data").contains("boundary=");
		assertThat(request.parts()).hasSize(1);
		Part part = request.part("media");
		assertThat(part.filename()).isEqualTo("photo.jpg");
		assertThat(part.dispositionParameter("filelength")).isEqualTo("300000");
		assertThat(part.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(part.content()).isEqualTo(content);
	}

	@Test
	void uploadsBytesUnderAChineseFileName() {
		this.wecom.respond("/cgi-bin/media/upload", """
				{"errcode":0,"errmsg":"","type":"voice","media_id":"MEDIA_ID","created_at":"1380000001"}""");
		byte[] content = "#!AMR\n...".getBytes(StandardCharsets.US_ASCII);
		UploadedMedia media = this.agent.media().upload(MediaFileType.VOICE, "录音 \"一\".amr", content);
		assertThat(media.mediaId()).isEqualTo("MEDIA_ID");
		RecordedRequest request = this.wecom.lastRequest("/cgi-bin/media/upload");
		assertThat(request.param("type")).isEqualTo("voice");
		assertThat(request.part("media").filename()).isEqualTo("录音 \"一\".amr");
		assertThat(request.part("media").content()).isEqualTo(content);
	}

	@Test
	void uploadsAStreamOfUnknownLength() {
		this.wecom.respond("/cgi-bin/media/upload", """
				{"errcode":0,"errmsg":"","type":"file","media_id":"FILE_ID","created_at":"1380000002"}""");
		byte[] content = randomBytes(2_000_000);
		UploadedMedia media = this.agent.media()
			.upload(MediaFileType.FILE, "report.pdf", new ByteArrayInputStream(content), -1);
		assertThat(media.type()).isEqualTo("file");
		RecordedRequest request = this.wecom.lastRequest("/cgi-bin/media/upload");
		assertThat(request.param("type")).isEqualTo("file");
		assertThat(request.part("media").filename()).isEqualTo("report.pdf");
		assertThat(request.part("media").dispositionParameter("filelength")).isNull();
		assertThat(request.part("media").content()).isEqualTo(content);
	}

	@Test
	void uploadsAStreamOfKnownLengthWithTheLengthAnnounced() {
		this.wecom.respond("/cgi-bin/media/upload", UPLOADED);
		byte[] content = randomBytes(5_000);
		this.agent.media().upload(MediaFileType.VIDEO, "clip.mp4", new ByteArrayInputStream(content), content.length);
		Part part = this.wecom.lastRequest("/cgi-bin/media/upload").part("media");
		assertThat(part.dispositionParameter("filelength")).isEqualTo("5000");
		assertThat(part.header("Content-Length")).isEqualTo("5000");
		assertThat(part.content()).isEqualTo(content);
	}

	@Test
	void aFileUploadIsSentAgainWithAFreshTokenWhenWeComDropsTheToken() throws IOException {
		this.wecom.respond("/cgi-bin/media/upload", UPLOADED);
		byte[] content = randomBytes(10_000);
		Path file = Files.write(this.directory.resolve("a.png"), content);
		this.agent.accessToken();
		this.wecom.expireAllTokens();
		assertThat(this.agent.media().upload(MediaFileType.IMAGE, file).mediaId()).startsWith("1G6nr");
		assertThat(this.wecom.requests("/cgi-bin/media/upload")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.part("media").content()).isEqualTo(content));
		assertThat(this.wecom.gettokenCalls()).isEqualTo(2);
	}

	@Test
	void aStreamUploadIsNotSentTwiceButFailsNamingTheReason() {
		this.wecom.respond("/cgi-bin/media/upload", UPLOADED);
		this.agent.accessToken();
		this.wecom.expireAllTokens();
		assertThatExceptionOfType(WxWorkException.class)
			.isThrownBy(() -> this.agent.media()
				.upload(MediaFileType.FILE, "a.txt", new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3))
			.withMessageContaining("42001")
			.withMessageContaining("stream cannot be sent again")
			.withCauseInstanceOf(WxWorkApiException.class);
		assertThat(this.wecom.requests("/cgi-bin/media/upload")).hasSize(1);
	}

	@Test
	void aStreamUploadFetchesTheTokenBeforeReadingTheStream() {
		this.wecom.respond("/cgi-bin/media/upload", UPLOADED);
		byte[] content = randomBytes(1_000);
		this.agent.media().upload(MediaFileType.FILE, "a.bin", new ByteArrayInputStream(content), -1);
		assertThat(this.wecom.requests()).extracting(RecordedRequest::path)
			.containsExactly("/cgi-bin/gettoken", "/cgi-bin/media/upload");
		assertThat(this.wecom.lastRequest("/cgi-bin/media/upload").part("media").content()).isEqualTo(content);
	}

	@Test
	void uploadsAnImageForGoodAndReadsItsUrl() {
		this.wecom.respond("/cgi-bin/media/uploadimg", """
				{"errcode":0,"errmsg":"","url":"http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"}""");
		byte[] content = randomBytes(1_000);
		UploadedImage image = this.agent.media().uploadImage("logo.png", content);
		assertThat(image.url()).isEqualTo("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0");
		RecordedRequest request = this.wecom.lastRequest("/cgi-bin/media/uploadimg");
		assertThat(request.param("type")).isNull();
		assertThat(request.part("media").filename()).isEqualTo("logo.png");
		assertThat(request.part("media").content()).isEqualTo(content);
	}

	@Test
	void streamsADownloadOfSeveralMegabytesIntoTheCallersStream() {
		byte[] file = randomBytes(8 * 1024 * 1024);
		this.wecom.route("/cgi-bin/media/get", (request) -> new Answer(200, "image/jpeg", file));
		this.wecom.responseHeader("/cgi-bin/media/get", "Content-Disposition", "attachment; filename=\"photo.jpg\"");
		RecordingStream target = new RecordingStream();
		DownloadedMedia media = this.agent.media().download("MEDIA_ID", target);
		assertThat(this.wecom.lastRequest("/cgi-bin/media/get").param("media_id")).isEqualTo("MEDIA_ID");
		assertThat(media).isEqualTo(new DownloadedMedia("photo.jpg", "image/jpeg", file.length));
		assertThat(target.toByteArray()).isEqualTo(file);
		// Written as it arrived, in pieces, not as one buffered copy of the whole file.
		assertThat(target.writes).isGreaterThan(8);
		assertThat(target.largestWrite).isLessThan(1024 * 1024);
		assertThat(target.closed).isFalse();
	}

	@Test
	void downloadsIntoAFile() throws IOException {
		byte[] file = randomBytes(100_000);
		this.wecom.route("/cgi-bin/media/get", (request) -> new Answer(200, "application/octet-stream", file));
		this.wecom.responseHeader("/cgi-bin/media/get", "Content-Disposition", "attachment; filename=\"doc.pdf\"");
		Path target = this.directory.resolve("doc.pdf");
		assertThat(this.agent.media().download("MEDIA_ID", target).filename()).isEqualTo("doc.pdf");
		assertThat(Files.readAllBytes(target)).isEqualTo(file);
	}

	@Test
	void aJsonAnswerInPlaceOfTheFileIsWeComsError() {
		this.wecom.respond("/cgi-bin/media/get", "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}");
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.media().download("BAD", target))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(40007);
				assertThat(ex.getErrmsg()).isEqualTo("invalid media_id");
				assertThat(ex.getPath()).isEqualTo("/cgi-bin/media/get");
			});
		assertThat(target.size()).isZero();
	}

	@Test
	void aTextPlainErrorAnswerIsWeComsErrorTooAndLeavesNoFileBehind() {
		this.wecom.route("/cgi-bin/media/get", (request) -> new Answer(200, "text/plain",
				"{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}".getBytes(StandardCharsets.UTF_8)));
		Path target = this.directory.resolve("never.bin");
		assertThatExceptionOfType(WxWorkApiException.class)
			.isThrownBy(() -> this.agent.media().download("BAD", target))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40007));
		assertThat(target).doesNotExist();
	}

	@Test
	void aDownloadRefusedForAnExpiredTokenIsRetriedWithAFreshOne() {
		byte[] file = randomBytes(50_000);
		this.wecom.route("/cgi-bin/media/get", (request) -> new Answer(200, "application/octet-stream", file));
		this.wecom.responseHeader("/cgi-bin/media/get", "Content-Disposition", "attachment; filename=\"a.bin\"");
		this.agent.accessToken();
		this.wecom.expireAllTokens();
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		this.agent.media().download("MEDIA_ID", target);
		assertThat(target.toByteArray()).isEqualTo(file);
		assertThat(this.wecom.requests("/cgi-bin/media/get")).hasSize(2);
	}

	@Test
	void downloadsAHighDefinitionVoiceToAReader() {
		byte[] voice = randomBytes(20_000);
		this.wecom.route("/cgi-bin/media/get/jssdk", (request) -> new Answer(200, "voice/speex", voice));
		this.wecom.responseHeader("/cgi-bin/media/get/jssdk", "Content-Disposition", "attachment; filename=\"v.speex\"");
		byte[] read = this.agent.media()
			.downloadHighDefinitionVoice("VOICE_ID", (media, content) -> {
				assertThat(media.contentType()).isEqualTo("voice/speex");
				return content.readAllBytes();
			});
		assertThat(read).isEqualTo(voice);
		assertThat(this.wecom.lastRequest("/cgi-bin/media/get/jssdk").param("media_id")).isEqualTo("VOICE_ID");
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	private static final class RecordingStream extends OutputStream {

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		private int writes;

		private int largestWrite;

		private boolean closed;

		@Override
		public void write(int b) {
			this.received.write(b);
			this.writes++;
			this.largestWrite = Math.max(this.largestWrite, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.received.write(b, off, len);
			this.writes++;
			this.largestWrite = Math.max(this.largestWrite, len);
		}

		@Override
		public void close() {
			this.closed = true;
		}

		byte[] toByteArray() {
			return this.received.toByteArray();
		}

	}

}

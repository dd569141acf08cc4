package dev.wxwork.api.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;

/**
 * The multipart body of an upload: one part named {@code media} with the file's name and length, as
 * WeCom's upload APIs expect it (doc 90253). The file is copied to the connection as it is read,
 * never held in memory whole, and the body's length is announced when the file's length is known.
 * Group robot uploads ({@code dev.wxwork.webhook}) take the same body.
 */
public final class MultipartMedia implements StreamingHttpOutputMessage.Body {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String boundary;

	private final byte[] head;

	private final byte[] tail;

	private final long length;

	private final Source source;

	private MultipartMedia(String filename, long length, Source source) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		this.boundary = "----wxwork" + HexFormat.of().formatHex(random);
		this.length = length;
		this.source = source;
		// WeCom reads the raw UTF-8 filename, as browsers send it, and documents filelength in the part header.
		String header = "--" + this.boundary + "\r\n" + "Content-Disposition: form-data; name=\"media\"; filename=\""
				+ quoted(filename) + "\"" + ((length >= 0) ? "; filelength=" + length : "") + "\r\n"
				+ "Content-Type: application/octet-stream\r\n" + ((length >= 0) ? "Content-Length: " + length + "\r\n" : "")
				+ "\r\n";
		this.head = header.getBytes(StandardCharsets.UTF_8);
		this.tail = ("\r\n--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** The body of an upload of this file, under its own name. */
	public static MultipartMedia of(Path file) {
		try {
			return new MultipartMedia(file.getFileName().toString(), Files.size(file), (out) -> Files.copy(file, out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** The body of an upload of these bytes under this file name. */
	public static MultipartMedia of(String filename, byte[] content) {
		return new MultipartMedia(filename, content.length, (out) -> out.write(content));
	}

	/** A body that can be sent once only; {@code length} may be -1 when unknown. */
	static MultipartMedia of(String filename, InputStream content, long length) {
		return new MultipartMedia(filename, length, new Source() {

			@Override
			public void copyTo(OutputStream out) throws IOException {
				content.transferTo(out);
			}

			@Override
			public boolean repeatable() {
				return false;
			}

		});
	}

	/** The content type with this body's boundary. */
	public MediaType contentType() {
		return new MediaType("multipart", "form-data", Map.of("boundary", this.boundary));
	}

	/** The length of the whole body, or -1 when the file's length is unknown. */
	public long contentLength() {
		return (this.length >= 0) ? this.head.length + this.length + this.tail.length : -1;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.head);
		this.source.copyTo(out);
		out.write(this.tail);
	}

	@Override
	public boolean repeatable() {
		return this.source.repeatable();
	}

	// A quote, a backslash or a line break in a name would end the header early.
	private static String quoted(String filename) {
		StringBuilder quoted = new StringBuilder(filename.length());
		for (char character : filename.toCharArray()) {
			if (character == '"' || character == '\\') {
				quoted.append('\\');
			}
			if (character != '\r' && character != '\n') {
				quoted.append(character);
			}
		}
		return quoted.toString();
	}

	private interface Source {

		void copyTo(OutputStream out) throws IOException;

		default boolean repeatable() {
			return true;
		}

	}

}

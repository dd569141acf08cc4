package dev.wxwork.api.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a downloaded file while it arrives; the stream is closed when the reader returns.
 * @param <T> what the reader makes of it
 */
@FunctionalInterface
public interface MediaReader<T> {

	T read(DownloadedMedia media, InputStream content) throws IOException;

}

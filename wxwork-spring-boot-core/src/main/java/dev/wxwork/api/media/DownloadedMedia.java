package dev.wxwork.api.media;

/**
 * What WeCom said about a downloaded file (doc 90254).
 * @param filename the name from {@code Content-Disposition}; null when WeCom sent none
 * @param contentType the {@code Content-Type}; null when WeCom sent none
 * @param contentLength the length WeCom announced, or -1 when unknown
 */
public record DownloadedMedia(String filename, String contentType, long contentLength) {
}

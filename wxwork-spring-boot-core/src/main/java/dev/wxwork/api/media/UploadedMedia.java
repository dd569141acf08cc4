package dev.wxwork.api.media;

/**
 * Temporary media as media/upload answers it (doc 90253); the {@code mediaId} is valid for 3 days.
 * @param type {@code image}, {@code voice}, {@code video} or {@code file}
 * @param createdAt the upload time, in Unix seconds
 */
public record UploadedMedia(String type, String mediaId, Long createdAt) {
}

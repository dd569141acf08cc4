package dev.wxwork.api.media;

/** An image stored for good by media/uploadimg (doc 90256), for use in articles and cards. */
public record UploadedImage(String url) {
}

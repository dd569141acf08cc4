package dev.wxwork.api.media;

/** The kinds of temporary media (doc 90253), each with WeCom's limits. */
public enum MediaFileType {

	/** JPG or PNG, up to 10 MB. */
	IMAGE("image"),

	/** AMR, up to 2 MB and 60 s. */
	VOICE("voice"),

	/** MP4, up to 10 MB. */
	VIDEO("video"),

	/** Any file, up to 20 MB. */
	FILE("file");

	private final String value;

	MediaFileType(String value) {
		this.value = value;
	}

	/** The type as WeCom spells it. */
	public String value() {
		return this.value;
	}

}

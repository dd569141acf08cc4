package dev.wxwork.api.contact;

/**
 * A tag (doc 90210): its id and name.
 *
 * @param tagid the id; null at creation lets WeCom choose it
 * @param tagname at most 32 characters, unique in the corp
 */
public record Tag(Long tagid, String tagname) {

	/** A tag to create, with WeCom choosing its id. */
	public static Tag named(String tagname) {
		return new Tag(null, tagname);
	}

}

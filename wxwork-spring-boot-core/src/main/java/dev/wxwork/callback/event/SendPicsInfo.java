package dev.wxwork.callback.event;

import java.util.List;

/**
 * The pictures a member sent from the menu (doc 90240).
 *
 * @param count how many pictures
 * @param picList the pictures
 */
public record SendPicsInfo(int count, List<Picture> picList) {

	/**
	 * One picture.
	 *
	 * @param picMd5Sum the MD5 of the picture, to match it with the image message that follows
	 */
	public record Picture(String picMd5Sum) {
	}

}

package dev.wxwork.api.externalcontact.moment;

import java.util.List;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.Text;

/**
 * A post on customers' moments (客户朋友圈, doc 93333): text plus images, or one video, or one link, and
 * maybe a location.
 * @param creator the member who created it (posts by the corp: the admin who created the task)
 * @param createTime epoch seconds
 * @param createType 0 by the corp, 1 by a member
 * @param visibleType 0 some customers, 1 all customers
 */
public record Moment(String momentId, String creator, Long createTime, Integer createType, Integer visibleType,
		Text text, List<Attachment.Image> image, Attachment.Video video, Attachment.Link link, Location location) {

	/** Where a post was made. */
	public record Location(String latitude, String longitude, String name) {
	}

}

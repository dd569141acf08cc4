package dev.wxwork.api.externalcontact.message;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.Text;

/**
 * A welcome message for customers who join a group (入群欢迎语素材, doc 92366): text plus at most one
 * image, link, mini program, file or video.
 * @param templateId the template's id; absent when adding
 * @param agentid the app that owns the template (for an app managing its own)
 * @param notifyMembers when adding (WeCom's {@code notify}): 1 (default) tells the members that a new template exists, 0 does not
 */
public record GroupWelcomeTemplate(String templateId, Text text, Attachment.Image image, Attachment.Link link,
		Attachment.Miniprogram miniprogram, Attachment.File file, Attachment.Video video, Long agentid,
		@JsonProperty("notify") Integer notifyMembers) {

	/** A template with this text and this attachment (or none). */
	public static GroupWelcomeTemplate of(String text, Attachment attachment) {
		Text content = MassMessage.textOrNull(text);
		if (attachment == null) {
			return new GroupWelcomeTemplate(null, content, null, null, null, null, null, null, null);
		}
		return new GroupWelcomeTemplate(null, content, attachment.image(), attachment.link(),
				attachment.miniprogram(), attachment.file(), attachment.video(), null, null);
	}

	/** This template's content as the new content of the template with this id. */
	public GroupWelcomeTemplate asEditOf(String templateId) {
		return new GroupWelcomeTemplate(templateId, this.text, this.image, this.link, this.miniprogram, this.file,
				this.video, this.agentid, null);
	}

	/** This template, without notifying the members. */
	public GroupWelcomeTemplate withoutNotification() {
		return new GroupWelcomeTemplate(this.templateId, this.text, this.image, this.link, this.miniprogram,
				this.file, this.video, this.agentid, 0);
	}

}

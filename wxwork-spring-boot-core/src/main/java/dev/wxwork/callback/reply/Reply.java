package dev.wxwork.callback.reply;

import java.util.List;
import java.util.Map;

import dev.wxwork.crypto.CallbackXml;

/**
 * A passive reply (doc 90241): what a handler returns to answer within the callback's own HTTP
 * response. The endpoint addresses, encrypts and signs it.
 */
public sealed interface Reply permits TextReply, ImageReply, VoiceReply, VideoReply, NewsReply, TaskCardUpdateReply,
		TemplateCardButtonUpdateReply, TemplateCardUpdateReply {

	/** The reply's MsgType. */
	String msgType();

	/** Appends the reply's own elements, those after MsgType. */
	void appendElements(StringBuilder xml);

	/** The plaintext reply XML, addressed to the member the callback came from. */
	default String toXml(String toUserName, String fromUserName, long createTime) {
		StringBuilder xml = new StringBuilder(256).append("<xml>");
		CallbackXml.appendText(xml, "ToUserName", toUserName);
		CallbackXml.appendText(xml, "FromUserName", fromUserName);
		CallbackXml.appendNumber(xml, "CreateTime", createTime);
		CallbackXml.appendText(xml, "MsgType", msgType());
		appendElements(xml);
		return xml.append("</xml>").toString();
	}

	/** A text reply. */
	static TextReply text(String content) {
		return new TextReply(content);
	}

	/** An image reply, with a media id from the media upload API. */
	static ImageReply image(String mediaId) {
		return new ImageReply(mediaId);
	}

	/** A voice reply, with a media id from the media upload API. */
	static VoiceReply voice(String mediaId) {
		return new VoiceReply(mediaId);
	}

	/** A video reply, with a media id from the media upload API. */
	static VideoReply video(String mediaId, String title, String description) {
		return new VideoReply(mediaId, title, description);
	}

	/** A news reply of up to 8 articles. */
	static NewsReply news(List<NewsReply.Article> articles) {
		return new NewsReply(articles);
	}

	/** Replaces the buttons of the clicked task card with a label ({@code update_taskcard}). */
	static TaskCardUpdateReply updateTaskCard(String replaceName) {
		return new TaskCardUpdateReply(replaceName);
	}

	/** Replaces the clicked button of a template card with a label ({@code update_button}). */
	static TemplateCardButtonUpdateReply updateTemplateCardButton(String replaceName) {
		return new TemplateCardButtonUpdateReply(replaceName);
	}

	/** Replaces the clicked template card with a new card ({@code update_template_card}). */
	static TemplateCardUpdateReply updateTemplateCard(Map<String, Object> templateCard) {
		return new TemplateCardUpdateReply(templateCard);
	}

}

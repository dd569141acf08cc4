package dev.wxwork.callback.reply;

import java.util.List;

import dev.wxwork.crypto.CallbackXml;

/**
 * A news reply: up to 8 articles (doc 90241).
 *
 * @param articles the articles, the first one shown large
 */
public record NewsReply(List<Article> articles) implements Reply {

	public NewsReply {
		if (articles == null || articles.isEmpty() || articles.size() > 8) {
			throw new IllegalArgumentException("A news reply holds 1 to 8 articles");
		}
		articles = List.copyOf(articles);
	}

	@Override
	public String msgType() {
		return "news";
	}

	@Override
	public void appendElements(StringBuilder xml) {
		CallbackXml.appendNumber(xml, "ArticleCount", this.articles.size());
		xml.append("<Articles>");
		for (Article article : this.articles) {
			xml.append("<item>");
			CallbackXml.appendText(xml, "Title", article.title());
			CallbackXml.appendText(xml, "Description", article.description());
			CallbackXml.appendText(xml, "PicUrl", article.picUrl());
			CallbackXml.appendText(xml, "Url", article.url());
			xml.append("</item>");
		}
		xml.append("</Articles>");
	}

	/**
	 * One article.
	 *
	 * @param title the title
	 * @param description the description
	 * @param url the page it opens
	 * @param picUrl the picture, 1068x455 for the first article and 150x150 for the others
	 */
	public record Article(String title, String description, String url, String picUrl) {
	}

}

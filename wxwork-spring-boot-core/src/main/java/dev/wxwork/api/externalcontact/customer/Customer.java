package dev.wxwork.api.externalcontact.customer;

import java.util.List;

/**
 * A customer (外部联系人) as WeCom describes it (doc 92114); absent fields are null.
 * @param externalUserid the customer's id
 * @param name the WeChat or WeCom name
 * @param position the position (WeCom users who show it only)
 * @param avatar the avatar URL
 * @param corpName the short name of the customer's corp (WeCom users only)
 * @param corpFullName the full name of the customer's corp (WeCom users only)
 * @param type 1 for a WeChat user, 2 for a WeCom user
 * @param gender 0 unknown, 1 male, 2 female
 * @param unionid the WeChat unionid, when the corp has bound a WeChat developer account
 * @param externalProfile the custom profile fields (WeCom users only)
 */
public record Customer(String externalUserid, String name, String position, String avatar, String corpName,
		String corpFullName, Integer type, Integer gender, String unionid, ExternalProfile externalProfile) {

	/** The customer's own profile fields. */
	public record ExternalProfile(List<ExternalAttribute> externalAttr) {
	}

	/**
	 * A profile field: type 0 text, 1 web page, 2 mini program.
	 */
	public record ExternalAttribute(Integer type, String name, TextValue text, Web web, Miniprogram miniprogram) {
	}

	/** A text field's value. */
	public record TextValue(String value) {
	}

	/** A web page field. */
	public record Web(String url, String title) {
	}

	/** A mini program field. */
	public record Miniprogram(String appid, String pagepath, String title) {
	}

}

package dev.wxwork.api.externalcontact.contactway;

import java.util.List;

import dev.wxwork.api.externalcontact.Attachment;
import dev.wxwork.api.externalcontact.Text;

/**
 * A "contact me" way (联系我, doc 92228): a QR code or mini program button through which customers add
 * one or several members. Sent to create or update one, and read back with its {@code qr_code}.
 * @param configId the way's id; absent when creating
 * @param type 1 for one member, 2 for several
 * @param scene 1 in a mini program, 2 through a QR code
 * @param style the mini program button style
 * @param remark a note for the admins, at most 30 characters
 * @param skipVerify whether customers are added without the member's confirmation (WeCom's default: true)
 * @param state the corp's own channel marker, returned in the customer's follow info
 * @param user the members' userids
 * @param party the departments' ids (type 2 only)
 * @param isTemp whether this is a temporary-chat way
 * @param expiresIn how long a temporary QR code stays valid, in seconds
 * @param chatExpiresIn how long a temporary chat lasts, in seconds
 * @param unionid the only WeChat user allowed to start the temporary chat
 * @param isExclusive whether a customer added through this way belongs to one member only
 * @param conclusions the closing message of a temporary chat
 * @param qrCode the QR code's URL (answers only)
 */
public record ContactWay(String configId, Integer type, Integer scene, Integer style, String remark,
		Boolean skipVerify, String state, List<String> user, List<Long> party, Boolean isTemp, Long expiresIn,
		Long chatExpiresIn, String unionid, Boolean isExclusive, Conclusions conclusions, String qrCode) {

	/** A QR-code way to a single member. */
	public static ContactWay singleMemberQrCode(String userid) {
		return new ContactWay(null, 1, 2, null, null, null, null, List.of(userid), null, null, null, null, null, null,
				null, null);
	}

	/** A QR-code way to several members and departments. */
	public static ContactWay multiMemberQrCode(List<String> userids, List<Long> departmentIds) {
		return new ContactWay(null, 2, 2, null, null, null, null, userids, departmentIds, null, null, null, null,
				null, null, null);
	}

	/** This way with another channel marker. */
	public ContactWay withState(String state) {
		return new ContactWay(this.configId, this.type, this.scene, this.style, this.remark, this.skipVerify, state,
				this.user, this.party, this.isTemp, this.expiresIn, this.chatExpiresIn, this.unionid, this.isExclusive,
				this.conclusions, this.qrCode);
	}

	/** This way with another note for the admins. */
	public ContactWay withRemark(String remark) {
		return new ContactWay(this.configId, this.type, this.scene, this.style, remark, this.skipVerify, this.state,
				this.user, this.party, this.isTemp, this.expiresIn, this.chatExpiresIn, this.unionid, this.isExclusive,
				this.conclusions, this.qrCode);
	}

	/** This way with customers needing (false) or not needing (true) the member's confirmation. */
	public ContactWay withSkipVerify(boolean skipVerify) {
		return new ContactWay(this.configId, this.type, this.scene, this.style, this.remark, skipVerify, this.state,
				this.user, this.party, this.isTemp, this.expiresIn, this.chatExpiresIn, this.unionid, this.isExclusive,
				this.conclusions, this.qrCode);
	}

	/** This way as a temporary chat of the given lengths, ending with these conclusions. */
	public ContactWay asTemporaryChat(Long expiresIn, Long chatExpiresIn, String unionid, Conclusions conclusions) {
		return new ContactWay(this.configId, this.type, this.scene, this.style, this.remark, this.skipVerify,
				this.state, this.user, this.party, true, expiresIn, chatExpiresIn, unionid, this.isExclusive,
				conclusions, this.qrCode);
	}

	/** The update of the way with this id to this way's settings (type and scene cannot change). */
	public ContactWay asUpdateOf(String configId) {
		return new ContactWay(configId, null, null, this.style, this.remark, this.skipVerify, this.state, this.user,
				this.party, null, this.expiresIn, this.chatExpiresIn, this.unionid, this.isExclusive, this.conclusions,
				null);
	}

	/** The message sent when a temporary chat ends: text plus at most one image, link or mini program. */
	public record Conclusions(Text text, Attachment.Image image, Attachment.Link link,
			Attachment.Miniprogram miniprogram) {

		/** A text-only closing message. */
		public static Conclusions text(String content) {
			return new Conclusions(Text.of(content), null, null, null);
		}

	}

}

package dev.wxwork.api.contact;

import java.util.Arrays;
import java.util.List;

/**
 * A member as WeCom reads and writes it (docs 90195, 90196, 90197); absent fields are null and are
 * not sent. Read one with {@code users().get(userid)}; build one to create or update with
 * {@link #builder(String)}, or change one read before with {@link #toBuilder()}.
 *
 * @param userid the account, unique in the corp, 1 to 64 bytes
 * @param newUserid a new account for the member (update only, once)
 * @param name the name
 * @param alias the alias
 * @param mobile the mobile number; mobile or email is required at creation
 * @param department the member's departments, at most 100
 * @param order the member's order in each department, as many as {@code department}
 * @param position the position
 * @param gender "1" male, "2" female ("0" unknown when read)
 * @param email the email address
 * @param bizMail the corp mailbox address
 * @param isLeaderInDept 1 or 0 per department: whether the member leads it
 * @param directLeader the member's direct leaders (userids), at most 5
 * @param enable 1 enables, 0 disables the member (write only)
 * @param avatarMediaid an uploaded image for the avatar (write only)
 * @param telephone the landline
 * @param address the address
 * @param mainDepartment the main department
 * @param extattr the custom attributes set up in the admin console
 * @param toInvite whether to invite a new member by WeChat, SMS or email (create only; default true)
 * @param externalPosition the position shown to external contacts
 * @param externalProfile what external contacts see
 * @param avatar the avatar URL (read only)
 * @param thumbAvatar the avatar thumbnail URL (read only)
 * @param qrCode the member's personal QR code URL (read only)
 * @param openUserid the member's id across the service provider's apps (read only)
 * @param status 1 active, 2 disabled, 4 not yet active, 5 left the corp (read only)
 */
public record User(String userid, String newUserid, String name, String alias, String mobile, List<Long> department,
		List<Long> order, String position, String gender, String email, String bizMail, List<Integer> isLeaderInDept,
		List<String> directLeader, Integer enable, String avatarMediaid, String telephone, String address,
		Long mainDepartment, ExtAttr extattr, Boolean toInvite, String externalPosition,
		ExternalProfile externalProfile, String avatar, String thumbAvatar, String qrCode, String openUserid,
		Integer status) {

	/** A member to create or update, with this userid and nothing else set yet. */
	public static Builder builder(String userid) {
		return new Builder(userid);
	}

	/**
	 * A builder with this member's writable fields, to change some and {@code update}; read-only
	 * fields (avatar, QR code, status) are left out since WeCom rejects none but ignores them.
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.userid);
		builder.name = this.name;
		builder.alias = this.alias;
		builder.mobile = this.mobile;
		builder.department = this.department;
		builder.order = this.order;
		builder.position = this.position;
		builder.gender = this.gender;
		builder.email = this.email;
		builder.bizMail = this.bizMail;
		builder.isLeaderInDept = this.isLeaderInDept;
		builder.directLeader = this.directLeader;
		builder.telephone = this.telephone;
		builder.address = this.address;
		builder.mainDepartment = this.mainDepartment;
		builder.extattr = this.extattr;
		builder.externalPosition = this.externalPosition;
		builder.externalProfile = this.externalProfile;
		return builder;
	}

	/** Custom attributes of a member ({@code extattr}). */
	public record ExtAttr(List<Attribute> attrs) {

		/** These attributes. */
		public static ExtAttr of(Attribute... attributes) {
			return new ExtAttr(List.of(attributes));
		}

	}

	/**
	 * A custom or external attribute; {@code type} 0 is {@code text}, 1 is {@code web}, 2 is
	 * {@code miniprogram} (external attributes only).
	 */
	public record Attribute(Integer type, String name, TextValue text, WebValue web, MiniprogramValue miniprogram) {

		/** A text attribute. */
		public static Attribute text(String name, String value) {
			return new Attribute(0, name, new TextValue(value), null, null);
		}

		/** A web link attribute. */
		public static Attribute web(String name, String url, String title) {
			return new Attribute(1, name, null, new WebValue(url, title), null);
		}

		/** A mini program attribute. */
		public static Attribute miniprogram(String name, String appid, String pagepath, String title) {
			return new Attribute(2, name, null, null, new MiniprogramValue(appid, pagepath, title));
		}

	}

	/** The value of a text attribute. */
	public record TextValue(String value) {
	}

	/** The value of a web attribute; both empty clears it. */
	public record WebValue(String url, String title) {
	}

	/** The value of a mini program attribute. */
	public record MiniprogramValue(String appid, String pagepath, String title) {
	}

	/** What external contacts see of a member (doc 92230). */
	public record ExternalProfile(String externalCorpName, WechatChannels wechatChannels,
			List<Attribute> externalAttr) {
	}

	/** The WeChat Channels account shown to external contacts; {@code status} 1 while unconfirmed. */
	public record WechatChannels(String nickname, Integer status) {
	}

	/** Builds a {@link User} to create or update. */
	public static final class Builder {

		private final String userid;

		private String newUserid;

		private String name;

		private String alias;

		private String mobile;

		private List<Long> department;

		private List<Long> order;

		private String position;

		private String gender;

		private String email;

		private String bizMail;

		private List<Integer> isLeaderInDept;

		private List<String> directLeader;

		private Integer enable;

		private String avatarMediaid;

		private String telephone;

		private String address;

		private Long mainDepartment;

		private ExtAttr extattr;

		private Boolean toInvite;

		private String externalPosition;

		private ExternalProfile externalProfile;

		private Builder(String userid) {
			this.userid = userid;
		}

		/** Renames the account (update only). */
		public Builder newUserid(String newUserid) {
			this.newUserid = newUserid;
			return this;
		}

		/** The name. */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/** The alias. */
		public Builder alias(String alias) {
			this.alias = alias;
			return this;
		}

		/** The mobile number. */
		public Builder mobile(String mobile) {
			this.mobile = mobile;
			return this;
		}

		/** The departments. */
		public Builder department(long... departmentIds) {
			this.department = Arrays.stream(departmentIds).boxed().toList();
			return this;
		}

		/** The order in each department. */
		public Builder order(long... order) {
			this.order = Arrays.stream(order).boxed().toList();
			return this;
		}

		/** The position. */
		public Builder position(String position) {
			this.position = position;
			return this;
		}

		/** The gender: "1" male, "2" female. */
		public Builder gender(String gender) {
			this.gender = gender;
			return this;
		}

		/** The email address. */
		public Builder email(String email) {
			this.email = email;
			return this;
		}

		/** The corp mailbox address. */
		public Builder bizMail(String bizMail) {
			this.bizMail = bizMail;
			return this;
		}

		/** Per department, 1 if the member leads it. */
		public Builder isLeaderInDept(int... leads) {
			this.isLeaderInDept = Arrays.stream(leads).boxed().toList();
			return this;
		}

		/** The direct leaders. */
		public Builder directLeader(String... userids) {
			this.directLeader = List.of(userids);
			return this;
		}

		/** Enables or disables the member. */
		public Builder enabled(boolean enabled) {
			this.enable = enabled ? 1 : 0;
			return this;
		}

		/** An uploaded image for the avatar. */
		public Builder avatarMediaid(String mediaId) {
			this.avatarMediaid = mediaId;
			return this;
		}

		/** The landline. */
		public Builder telephone(String telephone) {
			this.telephone = telephone;
			return this;
		}

		/** The address. */
		public Builder address(String address) {
			this.address = address;
			return this;
		}

		/** The main department. */
		public Builder mainDepartment(long departmentId) {
			this.mainDepartment = departmentId;
			return this;
		}

		/** The custom attributes. */
		public Builder extattr(Attribute... attributes) {
			this.extattr = ExtAttr.of(attributes);
			return this;
		}

		/** Whether WeCom invites the new member (default true). */
		public Builder toInvite(boolean toInvite) {
			this.toInvite = toInvite;
			return this;
		}

		/** The position shown to external contacts. */
		public Builder externalPosition(String externalPosition) {
			this.externalPosition = externalPosition;
			return this;
		}

		/** What external contacts see. */
		public Builder externalProfile(ExternalProfile externalProfile) {
			this.externalProfile = externalProfile;
			return this;
		}

		/** The member. */
		public User build() {
			return new User(this.userid, this.newUserid, this.name, this.alias, this.mobile, this.department,
					this.order, this.position, this.gender, this.email, this.bizMail, this.isLeaderInDept,
					this.directLeader, this.enable, this.avatarMediaid, this.telephone, this.address,
					this.mainDepartment, this.extattr, this.toInvite, this.externalPosition, this.externalProfile, null,
					null, null, null, null);
		}

	}

}

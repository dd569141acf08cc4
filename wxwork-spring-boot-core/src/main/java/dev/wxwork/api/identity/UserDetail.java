package dev.wxwork.api.identity;

/** A member's sensitive details as getuserdetail answers them (doc 95833); gender "1" male, "2" female, "0" unknown. */
public record UserDetail(String userid, String gender, String avatar, String qrCode, String mobile, String email,
		String bizMail, String address) {
}

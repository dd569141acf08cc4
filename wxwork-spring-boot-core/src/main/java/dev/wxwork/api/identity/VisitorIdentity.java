package dev.wxwork.api.identity;

/**
 * The visitor behind a login code (doc 91023): a member has a {@code userid} (and a
 * {@code userTicket} after an {@code snsapi_privateinfo} login), anyone else an {@code openid} and,
 * for a customer, an {@code externalUserid}. {@link #toString()} hides the ticket.
 */
public record VisitorIdentity(String userid, String userTicket, String openid, String externalUserid) {

	/** Whether the visitor is a member of the corp. */
	public boolean isMember() {
		return this.userid != null && !this.userid.isEmpty();
	}

	@Override
	public String toString() {
		return "VisitorIdentity[userid=" + this.userid + ", userTicket=" + ((this.userTicket != null) ? "******" : null)
				+ ", openid=" + this.openid + ", externalUserid=" + this.externalUserid + "]";
	}

}

package dev.wxwork.api.oa;

import java.util.List;

/** A page of call records (doc 93662). */
public record DialRecordPage(List<DialRecord> record) {

	/**
	 * A call.
	 * @param callTime Unix seconds
	 * @param totalDuration seconds
	 * @param callType 1 one-to-one, 2 conference
	 */
	public record DialRecord(Long callTime, Long totalDuration, Integer callType, Caller caller, List<Callee> callee) {
	}

	/** Who called, and for how many seconds. */
	public record Caller(String userid, Long duration) {
	}

	/** Who was called (a member or a phone number), and for how many seconds. */
	public record Callee(String userid, String phone, Long duration) {
	}

}

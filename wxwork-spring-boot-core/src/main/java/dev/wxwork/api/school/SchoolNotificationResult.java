package dev.wxwork.api.school;

import java.util.List;

/** The recipients a school notification could not reach (doc 92321). */
public record SchoolNotificationResult(List<String> invalidParentUserid, List<String> invalidStudentUserid,
		List<String> invalidParty) {
}

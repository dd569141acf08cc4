package dev.wxwork.api.contact;

import java.util.List;

/** A member as WeCom describes it (doc 90196); absent fields are null. */
public record User(String userid, String name, List<Long> department, String position, String mobile,
		String email, Long mainDepartment, Integer status) {
}

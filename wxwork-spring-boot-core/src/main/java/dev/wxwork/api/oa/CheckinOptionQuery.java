package dev.wxwork.api.oa;

import java.util.List;

/**
 * Whose check-in rules to read, on which day (doc 90263).
 * @param datetime a Unix time on the day
 * @param useridlist up to 100 members
 */
public record CheckinOptionQuery(long datetime, List<String> useridlist) {
}

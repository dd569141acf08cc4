package dev.wxwork.api.oa;

import java.util.List;

/** A page of application numbers (doc 91816); {@code newNextCursor} is empty on the last page. */
public record ApprovalNumberPage(List<String> spNoList, String newNextCursor) {
}

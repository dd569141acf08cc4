package dev.wxwork.api.oa;

import java.util.List;

import dev.wxwork.api.CursorPage;

/** A page of application numbers (doc 91816); {@code newNextCursor} is empty on the last page. */
public record ApprovalNumberPage(List<String> spNoList, String newNextCursor) implements CursorPage<String> {

	@Override
	public List<String> items() {
		return (this.spNoList != null) ? this.spNoList : List.of();
	}

	@Override
	public String nextCursor() {
		return this.newNextCursor;
	}

}

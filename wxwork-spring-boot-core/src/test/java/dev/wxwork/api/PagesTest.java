package dev.wxwork.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PagesTest {

	record Page(List<String> items, String nextCursor) implements CursorPage<String> {
	}

	record Slice(List<String> items, int total, int nextOffset) implements OffsetPage<String> {
	}

	@Test
	void walksCursorPagesInOrderSendingEachNextCursorBackUntilItIsEmpty() {
		Map<String, Page> pages = Map.of("first", new Page(List.of("a", "b"), "c2"), "c2",
				new Page(List.of("c"), "c3"), "c3", new Page(List.of("d"), ""));
		List<String> cursors = new ArrayList<>();
		List<String> items = Pages.byCursor((String cursor) -> {
			cursors.add(cursor);
			return pages.get((cursor != null) ? cursor : "first");
		}).toList();
		assertThat(items).containsExactly("a", "b", "c", "d");
		assertThat(cursors).containsExactly(null, "c2", "c3");
	}

	@Test
	void fetchesPagesLazilyAndNotBeforeTheStreamIsConsumed() {
		List<String> cursors = new ArrayList<>();
		Stream<String> stream = Pages.byCursor((String cursor) -> {
			cursors.add(cursor);
			return new Page(List.of("item after " + cursor), "next-" + cursors.size());
		});
		assertThat(cursors).isEmpty();
		assertThat(stream.limit(3).toList()).hasSize(3);
		assertThat(cursors).containsExactly(null, "next-1", "next-2");
	}

	@Test
	void stopsOnANullCursorAndSkipsEmptyOrMissingItemLists() {
		List<String> cursors = new ArrayList<>();
		List<String> items = Pages.byCursor((String cursor) -> {
			cursors.add(cursor);
			return (cursor == null) ? new Page(null, "more") : new Page(List.of(), null);
		}).toList();
		assertThat(items).isEmpty();
		assertThat(cursors).containsExactly(null, "more");
	}

	@Test
	void refusesToLoopForeverWhenTheServerRepeatsItsCursor() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Pages.byCursor((String cursor) -> new Page(List.of("x"), "same")).toList())
			.withMessageContaining("next_cursor");
	}

	@Test
	void walksOffsetPagesFromZeroUntilTheTotalIsReached() {
		List<Integer> offsets = new ArrayList<>();
		List<String> items = Pages.byOffset((offset) -> {
			offsets.add(offset);
			return switch (offset) {
				case 0 -> new Slice(List.of("a", "b"), 5, 2);
				case 2 -> new Slice(List.of("c", "d"), 5, 4);
				default -> new Slice(List.of("e"), 5, 5);
			};
		}).toList();
		assertThat(items).containsExactly("a", "b", "c", "d", "e");
		assertThat(offsets).containsExactly(0, 2, 4);
	}

	@Test
	void stopsOffsetPagingOnAnEmptyPageOrAnOffsetThatDoesNotMove() {
		List<Integer> offsets = new ArrayList<>();
		List<String> items = Pages.byOffset((offset) -> {
			offsets.add(offset);
			return new Slice(List.of("x" + offset), 100, 0);
		}).toList();
		assertThat(items).containsExactly("x0");
		assertThat(offsets).containsExactly(0);
	}

	@Test
	void pagesWithoutATotalEndAtTheFirstShortPage() {
		List<Integer> offsets = new ArrayList<>();
		List<String> items = Pages.byPageSize(2, (offset) -> {
			offsets.add(offset);
			return (offset < 4) ? List.of("i" + offset, "i" + (offset + 1)) : List.of("i" + offset);
		}).toList();
		assertThat(items).containsExactly("i0", "i1", "i2", "i3", "i4");
		assertThat(offsets).containsExactly(0, 2, 4);
		assertThat(Pages.byPageSize(2, (offset) -> null).toList()).isEmpty();
	}

}

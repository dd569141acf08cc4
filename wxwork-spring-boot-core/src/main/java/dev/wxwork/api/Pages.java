package dev.wxwork.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks every page of a paged WeCom list as one lazy stream: a page is fetched only when the stream
 * reaches it, so {@code limit} or {@code findFirst} stop the calls early. The API groups' {@code ...All}
 * methods use it; for a query they do not cover, walk it the same way:
 * <pre>{@code
 * Pages.byCursor((cursor) -> moments.list(new ListQuery(start, end, "zhangsan", 1, cursor, 20)))
 * }</pre>
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * Every item of a cursor-paged list; the first page is fetched with a null cursor, each further one
	 * with the {@code next_cursor} of the page before, until that cursor is empty.
	 * @param fetchPage fetches the page for a cursor
	 * @param <T> the item type
	 * @return the items of all pages, in order
	 */
	public static <T> Stream<T> byCursor(Function<String, ? extends CursorPage<T>> fetchPage) {
		Objects.requireNonNull(fetchPage, "fetchPage");
		return walk(new PageIterator<T>() {

			private String cursor;

			@Override
			List<T> fetchFirst() {
				return next(fetchPage.apply(null));
			}

			@Override
			List<T> fetchNext() {
				if (this.cursor == null) {
					return null;
				}
				return next(fetchPage.apply(this.cursor));
			}

			private List<T> next(CursorPage<T> page) {
				String next = page.nextCursor();
				if (next != null && next.equals(this.cursor)) {
					// A cursor that does not move would loop forever against a misbehaving server.
					throw new IllegalStateException("WeCom answered the same next_cursor twice; stopping the walk");
				}
				this.cursor = (next == null || next.isEmpty()) ? null : next;
				return items(page.items());
			}

		});
	}

	/**
	 * Every item of an offset-paged list; pages are fetched from offset 0 on with the
	 * {@code next_offset} of the page before, until the total is reached or a page comes back empty.
	 * @param fetchPage fetches the page at an offset
	 * @param <T> the item type
	 * @return the items of all pages, in order
	 */
	public static <T> Stream<T> byOffset(IntFunction<? extends OffsetPage<T>> fetchPage) {
		Objects.requireNonNull(fetchPage, "fetchPage");
		return walk(new PageIterator<T>() {

			private int offset;

			private boolean last;

			@Override
			List<T> fetchFirst() {
				return next(fetchPage.apply(0));
			}

			@Override
			List<T> fetchNext() {
				return this.last ? null : next(fetchPage.apply(this.offset));
			}

			private List<T> next(OffsetPage<T> page) {
				List<T> items = items(page.items());
				int next = page.nextOffset();
				// An offset that does not move forward would loop forever; treat it as the end.
				this.last = items.isEmpty() || next <= this.offset || next >= page.total();
				this.offset = next;
				return items;
			}

		});
	}

	/**
	 * Every item of an offset-paged list that tells no total: pages of {@code pageSize} are fetched from
	 * offset 0 on until one comes back shorter than that.
	 * @param pageSize the page size every request asks for
	 * @param fetchPage fetches the items at an offset (null counts as none)
	 * @param <T> the item type
	 * @return the items of all pages, in order
	 */
	public static <T> Stream<T> byPageSize(int pageSize, IntFunction<List<T>> fetchPage) {
		Objects.requireNonNull(fetchPage, "fetchPage");
		return walk(new PageIterator<T>() {

			private int offset;

			private boolean last;

			@Override
			List<T> fetchFirst() {
				return fetchAt();
			}

			@Override
			List<T> fetchNext() {
				return this.last ? null : fetchAt();
			}

			private List<T> fetchAt() {
				List<T> items = items(fetchPage.apply(this.offset));
				this.last = items.size() < pageSize;
				this.offset += items.size();
				return items;
			}

		});
	}

	private static <T> List<T> items(List<T> items) {
		return (items != null) ? items : List.of();
	}

	private static <T> Stream<T> walk(PageIterator<T> pages) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
			.flatMap(List::stream);
	}

	/** Iterates pages, fetching each one only when asked for it. */
	private abstract static class PageIterator<T> implements Iterator<List<T>> {

		private boolean started;

		private List<T> next;

		abstract List<T> fetchFirst();

		/** The next page, or null when the previous one was the last. */
		abstract List<T> fetchNext();

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				this.next = this.started ? fetchNext() : fetchFirst();
				this.started = true;
			}
			return this.next != null;
		}

		@Override
		public List<T> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			List<T> page = this.next;
			this.next = null;
			return page;
		}

	}

}

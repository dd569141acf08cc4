package dev.wxwork.api;

import java.util.List;

/**
 * One page of a cursor-paged WeCom list: its items and the cursor of the next page, empty or absent
 * on the last page.
 * @param <T> the item type
 */
public interface CursorPage<T> {

	/** The items of this page, never null. */
	List<T> items();

	/** The cursor to send for the next page; null or empty when this is the last page. */
	String nextCursor();

}

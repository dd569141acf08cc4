package dev.wxwork.api;

import java.util.List;

/**
 * One page of an offset-paged WeCom list: its items, the total and the offset of the next page.
 * @param <T> the item type
 */
public interface OffsetPage<T> {

	/** The items of this page, never null. */
	List<T> items();

	/** How many items the whole list holds. */
	int total();

	/** The offset to send for the next page. */
	int nextOffset();

}

package dev.wxwork.sample.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} items added, lock-free: a writer claims a sequence number and stores its
 * item in that slot, so adding costs one increment and one reference store however busy the buffer
 * is, and nothing is ever copied or grown. Readers take a snapshot, oldest first.
 */
public final class RingBuffer<T> {

	private final AtomicReferenceArray<Entry<T>> slots;

	private final AtomicLong added = new AtomicLong();

	public RingBuffer(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("The capacity must be at least 1, not " + capacity);
		}
		this.slots = new AtomicReferenceArray<>(capacity);
	}

	/** Adds an item, overwriting the oldest once the buffer is full. */
	public void add(T item) {
		long sequence = this.added.getAndIncrement();
		int index = (int) (sequence % this.slots.length());
		Entry<T> entry = new Entry<>(sequence, item);
		Entry<T> current;
		do {
			current = this.slots.get(index);
			if (current != null && current.sequence() > sequence) {
				// A writer that lapped this one already stored a newer item in the slot: ours is out of the window.
				return;
			}
		}
		while (!this.slots.compareAndSet(index, current, entry));
	}

	/** The items in the buffer, oldest first; an item whose writer has not stored it yet is left out. */
	public List<T> snapshot() {
		int capacity = this.slots.length();
		long end = this.added.get();
		long start = Math.max(0, end - capacity);
		List<T> items = new ArrayList<>((int) (end - start));
		for (long sequence = start; sequence < end; sequence++) {
			Entry<T> entry = this.slots.get((int) (sequence % capacity));
			if (entry != null && entry.sequence() == sequence) {
				items.add(entry.item());
			}
		}
		return items;
	}

	/** How many items were ever added. */
	public long added() {
		return this.added.get();
	}

	/** How many items the buffer keeps. */
	public int capacity() {
		return this.slots.length();
	}

	private record Entry<T>(long sequence, T item) {
	}

}

package dev.wxwork.sample.callbacks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RingBufferTest {

	@Test
	void listsItemsOldestFirst() {
		RingBuffer<String> buffer = new RingBuffer<>(5);
		buffer.add("a");
		buffer.add("b");
		buffer.add("c");
		assertThat(buffer.snapshot()).containsExactly("a", "b", "c");
	}

	@Test
	void isEmptyBeforeTheFirstItem() {
		assertThat(new RingBuffer<String>(1000).snapshot()).isEmpty();
	}

	@Test
	void keepsTheNewestThousandOnceFull() {
		RingBuffer<Integer> buffer = new RingBuffer<>(1000);
		IntStream.range(0, 2500).forEach(buffer::add);
		assertThat(buffer.snapshot()).hasSize(1000)
			.containsExactlyElementsOf(IntStream.range(1500, 2500).boxed().toList());
		assertThat(buffer.added()).isEqualTo(2500);
	}

	@Test
	void keepsExactlyTheCapacityAtTheBoundary() {
		RingBuffer<Integer> buffer = new RingBuffer<>(1000);
		IntStream.range(0, 1001).forEach(buffer::add);
		assertThat(buffer.snapshot()).hasSize(1000).first().isEqualTo(1);
		assertThat(buffer.snapshot()).last().isEqualTo(1000);
	}

	@Test
	void concurrentWritersLoseNothingWithinCapacityAndKeepEachWritersOrder() throws Exception {
		int writers = 8;
		int perWriter = 10_000;
		RingBuffer<long[]> buffer = new RingBuffer<>(writers * perWriter);
		runConcurrently(writers, perWriter, buffer);
		List<long[]> items = buffer.snapshot();
		assertThat(items).hasSize(writers * perWriter);
		long[] lastSeen = new long[writers];
		Arrays.fill(lastSeen, -1);
		for (long[] item : items) {
			int writer = (int) item[0];
			assertThat(item[1]).as("writer %d's items in the order it added them", writer)
				.isGreaterThan(lastSeen[writer]);
			lastSeen[writer] = item[1];
		}
		assertThat(lastSeen).containsOnly(perWriter - 1);
	}

	@Test
	void concurrentWritersOverflowingTheBufferLeaveTheNewestThousand() throws Exception {
		int writers = 8;
		int perWriter = 20_000;
		RingBuffer<long[]> buffer = new RingBuffer<>(1000);
		runConcurrently(writers, perWriter, buffer);
		List<long[]> items = buffer.snapshot();
		assertThat(items).hasSize(1000);
		assertThat(buffer.added()).isEqualTo((long) writers * perWriter);
		// Every item a writer added after one of its items in the window is newer, so it is in the window too:
		// each writer's items in it run without a gap up to the last it added.
		Map<Long, List<Long>> byWriter = new TreeMap<>();
		for (long[] item : items) {
			byWriter.computeIfAbsent(item[0], (writer) -> new ArrayList<>()).add(item[1]);
		}
		assertThat(byWriter).isNotEmpty();
		byWriter.forEach((writer, numbers) -> {
			long first = numbers.get(0);
			assertThat(numbers).as("writer %d", writer)
				.containsExactlyElementsOf(LongStream.range(first, perWriter).boxed().toList());
		});
	}

	@Test
	void refusesAnEmptyCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RingBuffer<>(0));
	}

	private static void runConcurrently(int writers, int perWriter, RingBuffer<long[]> buffer) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				long id = writer;
				done.add(executor.submit(() -> {
					start.await();
					for (long n = 0; n < perWriter; n++) {
						buffer.add(new long[] { id, n });
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}

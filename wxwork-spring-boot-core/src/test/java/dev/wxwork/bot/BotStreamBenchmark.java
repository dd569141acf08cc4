package dev.wxwork.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process cost of one chunk of a streamed bot answer: a 1,000-chunk answer of 4-character
 * chunks (about an LLM token each), every chunk making the whole text so far and saving it to the
 * in-memory stream store, as the callback mode does. The baseline only appends the chunks to a
 * StringBuilder. Not part of {@code mvn verify}; run it with the command in docs/bots.md.
 * {@link #main} measures the memory an open stream holds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BotStreamBenchmark {

	private static final int CHUNKS = 1000;

	private static final Duration TTL = Duration.ofMinutes(11);

	private MemoryBotStreamStore store;

	private long streams;

	@Setup
	public void setUp() {
		this.store = new MemoryBotStreamStore(10_000, 10_000, Clock.systemUTC());
	}

	@Benchmark
	@OperationsPerInvocation(CHUNKS)
	public BotStreamState streamedAnswer() {
		BotStream stream = new BotStream("s" + (this.streams++ % 10_000), (s, state) -> this.store.save(s.id(), state, TTL),
				BotStream.MAX_CONTENT_BYTES, "error");
		for (int i = 0; i < CHUNKS; i++) {
			stream.append("tok ");
		}
		stream.complete();
		return stream.state();
	}

	@Benchmark
	@OperationsPerInvocation(CHUNKS)
	public String baselineStringBuilder() {
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < CHUNKS; i++) {
			content.append("tok ");
		}
		return content.toString();
	}

	/** Memory per open stream: opens 20,000 streams of 1 KB of text each and reports the heap they hold. */
	public static void main(String[] args) {
		int count = 20_000;
		Object[] keep = new Object[count];
		long before = usedHeap();
		for (int i = 0; i < count; i++) {
			BotStream stream = new BotStream("stream-" + i, (s, state) -> { }, BotStream.MAX_CONTENT_BYTES, "error");
			stream.append("x".repeat(1024));
			keep[i] = stream;
		}
		long withContent = usedHeap();
		System.out.printf("open stream with 1 KB of text: %d bytes each (the text itself: about %d)%n",
				(withContent - before) / count, 1024 + 16);
		long beforeEmpty = usedHeap();
		Object[] empty = new Object[count];
		for (int i = 0; i < count; i++) {
			empty[i] = new BotStream("stream-" + i, (s, state) -> { }, BotStream.MAX_CONTENT_BYTES, "error");
		}
		System.out.printf("open stream before its first chunk: %d bytes each%n", (usedHeap() - beforeEmpty) / count);
		if (keep.length + empty.length == 0) {
			System.out.println();
		}
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}

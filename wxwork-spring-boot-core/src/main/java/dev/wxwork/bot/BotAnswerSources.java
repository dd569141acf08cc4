package dev.wxwork.bot;

import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import org.springframework.util.ClassUtils;

/**
 * Feeds what a handler returned into a {@link BotStream}: a {@code Publisher<String>} (Reactor's
 * {@code Flux}, as Spring AI's {@code ChatClient.stream().content()} returns) is subscribed to; a
 * {@code Stream<String>} or {@code Iterator<String>} is pulled on the bot's executor, since pulling may
 * block. Reactive Streams is optional: without it on the class path, publishers are not offered.
 */
final class BotAnswerSources {

	static final boolean REACTIVE_STREAMS = ClassUtils.isPresent("org.reactivestreams.Publisher",
			BotAnswerSources.class.getClassLoader());

	private BotAnswerSources() {
	}

	/** Whether a handler's declared return type is one that streams. */
	static boolean isStreaming(Class<?> type) {
		return Stream.class.isAssignableFrom(type) || Iterator.class.isAssignableFrom(type)
				|| (REACTIVE_STREAMS && Reactive.isPublisher(type));
	}

	/** Whether the value is something that streams (or a plain String). */
	static boolean isAnswer(Object value) {
		return value instanceof String || value instanceof Stream || value instanceof Iterator
				|| (REACTIVE_STREAMS && Reactive.isPublisher(value.getClass()));
	}

	/** Starts feeding the source into the stream; returns at once. */
	static void feed(Object source, BotStream stream, Executor executor) {
		if (source instanceof String text) {
			stream.append(text);
			stream.complete();
		}
		else if (source instanceof Stream<?> chunks) {
			pull(() -> {
				try (chunks) {
					pullAll(chunks.iterator(), stream);
				}
			}, stream, executor);
		}
		else if (source instanceof Iterator<?> chunks) {
			pull(() -> pullAll(chunks, stream), stream, executor);
		}
		else if (REACTIVE_STREAMS && Reactive.isPublisher(source.getClass())) {
			Reactive.subscribe(source, stream);
		}
		else {
			stream.fail(new IllegalArgumentException("A bot answer cannot be a " + source.getClass().getName()));
		}
	}

	private static void pull(Runnable task, BotStream stream, Executor executor) {
		try {
			executor.execute(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					stream.fail(ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			stream.fail(new IllegalStateException("Too many bot answers are being streamed; raise "
					+ "wxwork.bots.<name>.max-concurrent-streams", ex));
		}
	}

	private static void pullAll(Iterator<?> chunks, BotStream stream) {
		while (chunks.hasNext() && !stream.isFinished()) {
			Object chunk = chunks.next();
			if (chunk != null) {
				stream.append(chunk.toString());
			}
		}
		stream.complete();
	}

	/** Kept apart so that nothing loads the Reactive Streams types when they are absent. */
	private static final class Reactive {

		static boolean isPublisher(Class<?> type) {
			return Publisher.class.isAssignableFrom(type);
		}

		@SuppressWarnings("unchecked")
		static void subscribe(Object source, BotStream stream) {
			((Publisher<Object>) source).subscribe(new Subscriber<>() {

				@Override
				public void onSubscribe(Subscription subscription) {
					// an answer ended otherwise (the poll window passed) stops its producer
					stream.end().whenComplete((ignored, ex) -> subscription.cancel());
					subscription.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(Object chunk) {
					if (chunk != null) {
						stream.append(chunk.toString());
					}
				}

				@Override
				public void onError(Throwable failure) {
					stream.fail(failure);
				}

				@Override
				public void onComplete() {
					stream.complete();
				}

			});
		}

	}

}

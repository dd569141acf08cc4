package dev.wxwork.bot;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One streamed answer, under one stream id, for code that pushes the chunks itself: a handler that
 * takes a {@code BotStream} may {@link #append} from any thread, then {@link #complete} or
 * {@link #fail}. Thread-safe.
 * <p>
 * It keeps WeCom's rules: every update carries the whole text so far; the content is cut at 20480
 * UTF-8 bytes (the rest is dropped and a warning logged); nothing is taken after the end; a failure
 * finishes the stream with a short visible error text instead of leaving it dangling.
 */
public final class BotStream {

	private static final Log logger = LogFactory.getLog(BotStream.class);

	/** WeCom's limit on a stream's content, in UTF-8 bytes (doc 101031). */
	public static final int MAX_CONTENT_BYTES = 20480;

	private final String id;

	private final Listener listener;

	private final int maxBytes;

	private final String errorText;

	private final StringBuilder content = new StringBuilder();

	private final CompletableFuture<Void> firstUpdate = new CompletableFuture<>();

	private final CompletableFuture<Void> end = new CompletableFuture<>();

	private int bytes;

	private boolean truncated;

	private boolean finished;

	/**
	 * @param id the stream id
	 * @param listener told of every update, in order
	 * @param maxBytes the content limit in UTF-8 bytes
	 * @param errorText what a failed answer ends with
	 */
	BotStream(String id, Listener listener, int maxBytes, String errorText) {
		this.id = id;
		this.listener = listener;
		this.maxBytes = maxBytes;
		this.errorText = errorText;
	}

	/** The stream id that ties the updates of this answer together. */
	public String id() {
		return this.id;
	}

	/** Adds a chunk to the answer; ignored once the stream is finished. */
	public BotStream append(String chunk) {
		Objects.requireNonNull(chunk, "chunk");
		BotStreamState state;
		synchronized (this) {
			if (this.finished || chunk.isEmpty()) {
				return this;
			}
			if (!add(chunk)) {
				return this;
			}
			state = new BotStreamState(this.content.toString(), false);
			this.listener.updated(this, state);
		}
		this.firstUpdate.complete(null);
		return this;
	}

	/** Finishes the answer; later calls are ignored. */
	public void complete() {
		finish(null);
	}

	/** Finishes the answer with the configured short error text after what was sent; the failure is logged. */
	public void fail(Throwable failure) {
		logger.error("Bot stream " + this.id + " failed; finishing it with the error text", failure);
		finish(this.errorText);
	}

	private void finish(String error) {
		synchronized (this) {
			if (this.finished) {
				return;
			}
			if (error != null) {
				String separator = (this.content.length() > 0) ? "\n\n" : "";
				int needed = utf8Length(separator + error);
				if (this.bytes + needed > this.maxBytes) {
					cutTo(this.maxBytes - needed);
				}
				this.content.append(separator).append(error);
				this.bytes += needed;
			}
			this.finished = true;
			this.listener.updated(this, new BotStreamState(this.content.toString(), true));
		}
		this.firstUpdate.complete(null);
		this.end.complete(null);
	}

	/** What the stream shows now. */
	public synchronized BotStreamState state() {
		return new BotStreamState(this.content.toString(), this.finished);
	}

	/** Whether the answer is finished. */
	public synchronized boolean isFinished() {
		return this.finished;
	}

	/** Waits up to the timeout for the first chunk or the end; whether one came. */
	boolean awaitFirstUpdate(long timeoutMillis) {
		return await(this.firstUpdate, timeoutMillis);
	}

	/** Waits up to the timeout for the end; whether it came. */
	boolean awaitEnd(long timeoutMillis) {
		return await(this.end, timeoutMillis);
	}

	/** Completes when the stream is finished. */
	CompletableFuture<Void> end() {
		return this.end;
	}

	private static boolean await(CompletableFuture<Void> future, long timeoutMillis) {
		try {
			future.get(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return future.isDone();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return true;
		}
	}

	// under the lock: adds what fits of the chunk; whether anything changed
	private boolean add(String chunk) {
		if (this.truncated) {
			// what is shown stays a prefix of the answer: nothing after a cut
			return false;
		}
		int chunkBytes = utf8Length(chunk);
		if (this.bytes + chunkBytes <= this.maxBytes) {
			this.content.append(chunk);
			this.bytes += chunkBytes;
			return true;
		}
		if (!this.truncated) {
			this.truncated = true;
			logger.warn("Bot stream " + this.id + " reached WeCom's limit of " + this.maxBytes
					+ " bytes; the rest of the answer is dropped");
		}
		int before = this.content.length();
		int room = this.maxBytes - this.bytes;
		int i = 0;
		while (i < chunk.length()) {
			int codePoint = chunk.codePointAt(i);
			int size = utf8Length(codePoint);
			if (size > room) {
				break;
			}
			this.content.appendCodePoint(codePoint);
			room -= size;
			this.bytes += size;
			i += Character.charCount(codePoint);
		}
		return this.content.length() > before;
	}

	// under the lock: cuts the content to at most maxBytes UTF-8 bytes, at a code point boundary
	private void cutTo(int maxBytes) {
		int kept = 0;
		int i = 0;
		while (i < this.content.length()) {
			int codePoint = this.content.codePointAt(i);
			int size = utf8Length(codePoint);
			if (kept + size > Math.max(0, maxBytes)) {
				break;
			}
			kept += size;
			i += Character.charCount(codePoint);
		}
		this.content.setLength(i);
		this.bytes = kept;
	}

	/** The content with a blank line and the suffix after it, the content cut so that the whole fits maxBytes. */
	static String withSuffix(String content, String suffix, int maxBytes) {
		String separator = content.isEmpty() ? "" : "\n\n";
		int room = maxBytes - utf8Length(separator + suffix);
		int kept = 0;
		int i = 0;
		while (i < content.length()) {
			int codePoint = content.codePointAt(i);
			int size = utf8Length(codePoint);
			if (kept + size > Math.max(0, room)) {
				break;
			}
			kept += size;
			i += Character.charCount(codePoint);
		}
		return content.substring(0, i) + separator + suffix;
	}

	static int utf8Length(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	private static int utf8Length(int codePoint) {
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

	@Override
	public String toString() {
		return "BotStream[" + this.id + "]";
	}

	/** Told of each update of a stream, under the stream's lock, so in order. */
	interface Listener {

		void updated(BotStream stream, BotStreamState state);

	}


}
